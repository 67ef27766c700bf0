package io.heddle.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorSystem;
import io.heddle.Behaviors;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a simulation reports when it cannot go on, always with the seed. */
@Timeout(60)
class FailureModesTest {

    @Test
    void aDeadlockFailsWithEveryThreadsStack() {
        SimulationFailure failure = assertThrows(SimulationFailure.class, () -> Simulation.withSeed(11).run(sim -> {
            sim.newSystem("stuck");
            new CompletableFuture<Void>().join(); // nobody will ever complete it
        }));
        assertEquals(11, failure.seed());
        String text = failure.getCause().getMessage();
        assertTrue(text.contains("simulation deadlocked"), text);
        assertTrue(text.contains("'sim-main' WAITING"), text);
        assertTrue(text.contains("CompletableFuture.join"), text);
    }

    @Test
    void strictModeFailsOnARealTimeWaitAndShowsWhere() {
        SimulationFailure failure = assertThrows(SimulationFailure.class, () -> Simulation.withSeed(12).run(sim -> {
            ActorSystem system = sim.newSystem("sleepy");
            system.spawn((ctx, m) -> {
                // Real time: the seed does not control when it ends. (Long enough that it cannot end while the thread
                // is still parking, the one moment at which the simulation cannot see a real-time wait.)
                Thread.sleep(200);
                return Behaviors.same();
            }).cast("nap");
            sim.runUntilIdle();
        }));
        String text = failure.getCause().getMessage();
        assertTrue(text.contains("strict simulation"), text);
        assertTrue(text.contains("java.lang.Thread.sleep"), text);
        assertTrue(text.contains("FailureModesTest"), "the stack shows the sleeping lambda: " + text);
    }

    @Test
    void lenientModeWaitsForRealTime() {
        boolean[] woke = new boolean[1];
        Simulation.withSeed(13).lenient().run(sim -> {
            ActorSystem system = sim.newSystem("sleepy");
            system.spawn((ctx, m) -> {
                Thread.sleep(5);
                woke[0] = true;
                return Behaviors.same();
            }).cast("nap");
            sim.runUntilIdle();
        });
        assertTrue(woke[0]);
    }

    @Test
    void aFailingBodyIsReportedWithTheSeedAndTheScheduleTail() {
        SimulationFailure failure = assertThrows(SimulationFailure.class, () -> Simulation.withSeed(14).run(sim -> {
            sim.newSystem("failing");
            throw new IllegalArgumentException("assertion in the body");
        }));
        assertInstanceOf(IllegalArgumentException.class, failure.getCause());
        assertTrue(failure.getMessage().startsWith("simulation with seed 14 failed"), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Dheddle.sim.seed=14"), failure.getMessage());
        assertTrue(failure.getMessage().contains("#0 sim-main"), failure.getMessage());
    }

    @Test
    void aBusyLoopThatNeverSettlesHitsTheStepLimit() {
        SimulationFailure failure = assertThrows(SimulationFailure.class,
                () -> Simulation.withSeed(15).maxSteps(10_000).run(sim -> {
                    ActorSystem system = sim.newSystem("loop");
                    system.spawn((ctx, m) -> {
                        ctx.self().cast(m); // forever
                        return Behaviors.same();
                    }).cast("again");
                    sim.runUntilIdle();
                }));
        assertTrue(failure.getCause().getMessage().contains("still busy after 10000 steps"),
                failure.getCause().getMessage());
    }

    @Test
    void aSimulationRunsOnce() {
        Simulation sim = Simulation.withSeed(16);
        sim.run(s -> { });
        assertThrows(IllegalStateException.class, () -> sim.run(s -> { }));
    }
}
