package io.heddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PidTest {

    @Test
    void printsLikeErlang() {
        assertEquals("<0.42.1>", new Pid(42, 1).toString());
    }

    @Test
    void ordersByIdThenGeneration() {
        assertTrue(new Pid(1, 5).compareTo(new Pid(2, 0)) < 0);
        assertTrue(new Pid(2, 1).compareTo(new Pid(2, 0)) > 0);
        assertEquals(0, new Pid(3, 3).compareTo(new Pid(3, 3)));
    }

    @Test
    void generationDistinguishesIncarnations() {
        assertNotEquals(new Pid(7, 0), new Pid(7, 1));
        assertEquals(new Pid(7, 1), new Pid(7, 1));
    }

    @Test
    void rejectsNegativeComponents() {
        assertThrows(IllegalArgumentException.class, () -> new Pid(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Pid(1, -1));
    }

    @Test
    void refsCompareBySpawnOrderAndPidsAreUniqueAcrossSystems() {
        try (ActorSystem a = ActorSystem.create("a"); ActorSystem b = ActorSystem.create("b")) {
            ActorRef<Object> first = a.spawn((ctx, m) -> Behaviors.same());
            ActorRef<Object> second = b.spawn((ctx, m) -> Behaviors.same());
            assertNotEquals(first.pid(), second.pid());
            assertTrue(first.compareTo(second) < 0, "refs order by pid, and pids by spawn order");
        }
    }
}
