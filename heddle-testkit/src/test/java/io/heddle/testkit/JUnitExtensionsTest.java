package io.heddle.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behaviors;
import io.heddle.testkit.junit.FailOnPinning;
import io.heddle.testkit.junit.SimulationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The JUnit extensions, run on fixture classes through JUnit's own engine test kit. */
@Timeout(60)
class JUnitExtensionsTest {

    static class Passing {
        @SimulationTest(seed = 100, seeds = 5)
        void echoes(Simulation sim) {
            ActorSystem system = sim.newSystem("fixture");
            TestProbe<String> probe = TestProbe.create(system);
            ActorRef<String> echo = system.spawn((ctx, m) -> {
                probe.ref().cast(m);
                return Behaviors.same();
            });
            echo.cast("seed " + sim.seed());
            probe.expectMessage("seed " + sim.seed());
        }
    }

    static class FailingAtSeed103 {
        @SimulationTest(seed = 100, seeds = 10)
        void failsOnce(Simulation sim) {
            sim.newSystem("fixture");
            if (sim.seed() == 103) throw new IllegalStateException("found it");
        }
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
    }

    private static List<String> names(EngineExecutionResults results) {
        return results.testEvents().finished().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

    @Test
    void eachSeedIsAnInvocationNamedForItsSeed() {
        EngineExecutionResults results = run(Passing.class);
        results.testEvents().assertStatistics(s -> s.started(5).succeeded(5).failed(0));
        assertEquals(List.of("seed 100", "seed 101", "seed 102", "seed 103", "seed 104"), names(results));
    }

    @Test
    void explorationStopsAtTheFirstFailingSeedAndNamesIt() {
        EngineExecutionResults results = run(FailingAtSeed103.class);
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(3).failed(1));
        Event failed = results.testEvents().failed().list().getFirst();
        Throwable failure = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertTrue(failure.getMessage().contains("seed 103"), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Dheddle.sim.seed=103"), failure.getMessage());
        assertEquals("found it", failure.getCause().getMessage());
    }

    @Test
    void theSeedPropertyReplaysExactlyThatSeed() {
        System.setProperty(Simulation.SEED_PROPERTY, "103");
        try {
            EngineExecutionResults results = run(FailingAtSeed103.class);
            results.testEvents().assertStatistics(s -> s.started(1).failed(1));
            assertEquals(List.of("seed 103"), names(results));
        } finally {
            System.clearProperty(Simulation.SEED_PROPERTY);
        }
    }

    /** Sleeps in its class initializer: a virtual thread that does so pins its carrier. */
    static final class SlowToInitialize {
        static {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {}
    }

    @FailOnPinning
    static class Pinning {
        @Test
        void pins() throws InterruptedException {
            Thread.ofVirtual().start(SlowToInitialize::touch).join();
        }

        @Test
        void doesNotPin() throws InterruptedException {
            Object lock = new Object();
            Thread.ofVirtual().start(() -> {
                synchronized (lock) { // JDK 24 and later unmount a virtual thread blocked in synchronized
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }).join();
        }
    }

    @Test
    void failOnPinningFailsTheTestThatPinsAndOnlyThatOne() {
        EngineExecutionResults results = run(Pinning.class);
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        Event failed = results.testEvents().failed().list().getFirst();
        assertEquals("pins()", failed.getTestDescriptor().getDisplayName());
        Throwable failure = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertTrue(failure.getMessage().contains("pinned their carrier"), failure.getMessage());
        assertTrue(failure.getMessage().contains("SlowToInitialize.<clinit>"), failure.getMessage());
    }
}
