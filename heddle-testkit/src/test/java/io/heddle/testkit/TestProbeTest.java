package io.heddle.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorSystem;
import io.heddle.ExitReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Probes work in real time and in virtual time alike. */
@Timeout(60)
class TestProbeTest {

    @Test
    void inRealTimeAProbeReceivesAndExpects() {
        try (ActorSystem system = ActorSystem.create("probe")) {
            TestProbe<String> probe = TestProbe.create(system);
            probe.ref().cast("a");
            probe.ref().cast("b");
            assertEquals("a", probe.expectMessage());
            assertEquals("b", probe.expectMessage(String.class));
            AssertionError none = assertThrows(AssertionError.class, () -> probe.receive(Duration.ofMillis(20)));
            assertTrue(none.getMessage().contains("received no message within 20 ms"), none.getMessage());
        }
    }

    @Test
    void inVirtualTimeExpectNoMessageForAnHourTakesNoTime() {
        long start = System.nanoTime();
        Simulation.withSeed(31).run(sim -> {
            ActorSystem system = sim.newSystem("probe");
            TestProbe<String> probe = TestProbe.create(system);
            probe.expectNoMessage(Duration.ofHours(1));
            assertEquals(Duration.ofHours(1), sim.elapsed());
            probe.ref().cast("x");
            AssertionError wrong = assertThrows(AssertionError.class, () -> probe.expectMessage("y"));
            assertTrue(wrong.getMessage().contains("expected y but received x"), wrong.getMessage());
            for (int i = 0; i < 3; i++) probe.ref().cast("n" + i);
            assertEquals(List.of("n0", "n1", "n2"), probe.receiveN(3, Duration.ofSeconds(1)));
            probe.ref().stop();
            assertEquals(ExitReason.SHUTDOWN, probe.expectTerminated(probe.ref(), Duration.ofSeconds(1)));
        });
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
    }
}
