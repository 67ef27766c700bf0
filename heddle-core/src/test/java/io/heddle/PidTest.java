package io.heddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PidTest {

    @Test
    void printsLikeErlang() {
        assertEquals("<0.42.0>", Pid.local(42).toString());
        assertEquals("<3.42.0>", new Pid(3, 42).toString());
        // As Erlang does: the middle number is the low 15 bits, the last one the rest.
        assertEquals("<0.1.1>", Pid.local(32_769).toString());
    }

    @Test
    void parseReadsWhatToStringPrints() {
        for (Pid pid : new Pid[] {Pid.local(0), Pid.local(42), Pid.local(32_767), Pid.local(32_768),
                new Pid(7, 1_000_000_007L), new Pid(1, Long.MAX_VALUE)}) {
            assertEquals(pid, Pid.parse(pid.toString()));
            assertEquals(pid, Pid.parse(pid.toString().substring(1, pid.toString().length() - 1)));
        }
    }

    @Test
    void parseRejectsWhatIsNotAPid() {
        for (String bad : new String[] {"", "42", "<0.42>", "<0.42.0", "0.42.0>", "<0.-1.0>", "<0.a.0>",
                "<0.32768.0>", "<0.1.9999999999999999>", "<-1.1.0>"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pid.parse(bad), bad);
            assertTrue(e.getMessage().contains("is not a pid"), e.getMessage());
        }
    }

    @Test
    void ordersByNodeThenId() {
        assertTrue(Pid.local(1).compareTo(Pid.local(2)) < 0);
        assertTrue(new Pid(1, 1).compareTo(Pid.local(2)) > 0);
        assertEquals(0, Pid.local(3).compareTo(Pid.local(3)));
    }

    @Test
    void nodeDistinguishesPidsWithTheSameId() {
        assertNotEquals(Pid.local(7), new Pid(1, 7));
        assertEquals(new Pid(1, 7), new Pid(1, 7));
        assertTrue(Pid.local(7).isLocal());
        assertFalse(new Pid(1, 7).isLocal());
    }

    @Test
    void rejectsNegativeComponents() {
        assertThrows(IllegalArgumentException.class, () -> Pid.local(-1));
        assertThrows(IllegalArgumentException.class, () -> new Pid(-1, 1));
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
