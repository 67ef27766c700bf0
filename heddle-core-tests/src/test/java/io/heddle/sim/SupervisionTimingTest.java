package io.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ExitReason;
import io.heddle.supervision.Backoff;
import io.heddle.supervision.ChildInfo;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.RestartIntensityExceededException;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorSpec;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.time.Duration;

/** Restart intensity windows and backoff delays, in virtual time, under many seeds. */
class SupervisionTimingTest {

    private static ChildSpec<String> crasher(String id) {
        return ChildSpec.worker(id, () -> (ctx, message) -> {
            throw new IllegalStateException("crash: " + message);
        });
    }

    @SuppressWarnings("unchecked")
    private static void crash(Supervisor sup, String id) {
        ActorRef<String> child = (ActorRef<String>) sup.child(id).orElseThrow();
        child.cast("now");
        child.termination().join();
        sup.children(); // handled after the exit
    }

    @SimulationTest(seeds = 20)
    void restartsOlderThanThePeriodNoLongerCount(Simulation sim) {
        ActorSystem system = sim.newSystem("window");
        Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne()
                .restartIntensity(1, Duration.ofSeconds(10)).child(crasher("w")));
        crash(sup, "w");                                    // restart 1 at t=0: within the intensity of 1
        sim.advance(Duration.ofMillis(10_001));             // it leaves the 10 s window
        crash(sup, "w");                                    // restart 2, alone in its window
        assertTrue(sup.ref().isAlive());
        assertEquals(2, sup.children().getFirst().restarts());
        sim.advance(Duration.ofMillis(9_999));              // restart 2 is still in the window
        @SuppressWarnings("unchecked")
        ActorRef<String> child = (ActorRef<String>) sup.child("w").orElseThrow();
        child.cast("again");
        ExitReason reason = sup.ref().termination().join();
        assertInstanceOf(RestartIntensityExceededException.class,
                assertInstanceOf(ExitReason.Error.class, reason).cause());
    }

    @SimulationTest(seeds = 20)
    void aChildWithABackoffWaitsDoublingDelaysWhichResetAfterAQuietRun(Simulation sim) {
        ActorSystem system = sim.newSystem("backoff");
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1)).withJitter(0);
        Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne()
                .restartIntensity(100, Duration.ofSeconds(1)).child(crasher("w").backoff(backoff)));
        crash(sup, "w");
        assertRestartsAfter(sim, sup, 100);
        crash(sup, "w");
        assertRestartsAfter(sim, sup, 200);
        crash(sup, "w");
        assertRestartsAfter(sim, sup, 400);
        sim.advance(Duration.ofSeconds(1));                 // a quiet run as long as resetAfter (= max)
        crash(sup, "w");
        assertRestartsAfter(sim, sup, 100);
    }

    /** Checks that the child waits exactly {@code ms} of virtual time before it is restarted. */
    private static void assertRestartsAfter(Simulation sim, Supervisor sup, long ms) {
        ChildInfo waiting = sup.children().getFirst();
        assertEquals(ChildInfo.Status.RESTARTING, waiting.status());
        assertNull(waiting.actor());
        sim.advance(Duration.ofMillis(ms - 1));
        assertEquals(ChildInfo.Status.RESTARTING, sup.children().getFirst().status(), "not before " + ms + " ms");
        sim.advance(Duration.ofMillis(1));
        ChildInfo running = sup.children().getFirst();
        assertEquals(ChildInfo.Status.RUNNING, running.status(), "restarted at " + ms + " ms");
        assertTrue(running.actor().isAlive());
    }

    @SimulationTest(seeds = 10)
    void aShutdownTimeoutKillsAChildThatWillNotStop(Simulation sim) {
        ActorSystem system = sim.newSystem("shutdown-spec");
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        ChildSpec<String> stubborn = ChildSpec.<String>worker("stubborn", () -> (ctx, m) -> {
            never.await();
            return io.heddle.Behaviors.same();
        }).shutdown(io.heddle.supervision.Shutdown.timeout(Duration.ofSeconds(2)));
        Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne().child(stubborn));
        ActorRef<String> child = sup.child(stubborn).orElseThrow();
        child.cast("block");
        sim.runUntilIdle();
        Duration before = sim.elapsed();
        assertTrue(sup.terminateChild("stubborn"));
        assertEquals(Duration.ofSeconds(2), sim.elapsed().minus(before));
        assertEquals(ExitReason.KILLED, child.termination().join());
    }
    /**
     * Shutdown stops the newest actors first. A child of an older supervisor that crashes meanwhile is not restarted
     * (the restart could only fail), so the supervisor stops with the system instead of giving up with an error.
     */
    @SimulationTest(seeds = 30)
    void aChildThatCrashesWhileTheSystemShutsDownIsNotRestarted(Simulation sim) {
        ActorSystem system = sim.newSystem("no-restart-on-shutdown");
        java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ChildSpec<String> worker = ChildSpec.worker("worker", () -> io.heddle.Behaviors.setup(ctx -> {
            starts.incrementAndGet();
            return (c, message) -> {
                release.await();
                throw new IllegalStateException("crash: " + message);
            };
        }));
        Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne().child(worker));
        @SuppressWarnings("unchecked")
        ActorRef<String> child = (ActorRef<String>) sup.child("worker").orElseThrow();
        child.cast("held until shutdown");
        system.spawn(io.heddle.Behaviors.<String>setup(ctx -> {     // newer, so stopped first
            ctx.onTerminate(reason -> release.countDown());
            return (c, m) -> io.heddle.Behaviors.same();
        }));
        sim.runUntilIdle();

        system.close();

        assertInstanceOf(ExitReason.Error.class, child.termination().join());
        assertEquals(ExitReason.SHUTDOWN, sup.ref().termination().join(), "stopped with the system, no give-up");
        assertEquals(1, starts.get(), "never restarted");
    }
}
