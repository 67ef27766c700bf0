package io.heddle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystemConfig;
import io.heddle.ExitReason;
import io.heddle.supervision.Backoff;
import io.heddle.supervision.ChildInfo;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.RestartIntensityExceededException;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorSpec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Restart intensity windows and backoff delays, on a clock the test moves by hand. */
@Timeout(30)
class SupervisorTimingTest {

    private static final long MS = 1_000_000L;

    /** A child that crashes on any message. */
    private static ChildSpec<String> crasher(String id) {
        return ChildSpec.worker(id, () -> (ctx, message) -> {
            throw new IllegalStateException("crash: " + message);
        });
    }

    @SuppressWarnings("unchecked")
    private static void crash(Supervisor sup, String id) throws Exception {
        ActorRef<String> child = (ActorRef<String>) sup.child(id).orElseThrow();
        child.cast("now");
        child.termination().get(10, TimeUnit.SECONDS);
        sup.children(); // handled after the exit
    }

    @Test
    void restartsOlderThanThePeriodNoLongerCount() throws Exception {
        ManualClock clock = new ManualClock();
        try (SystemImpl system = new SystemImpl(ActorSystemConfig.defaults("window"), ThreadSource.JDK, clock)) {
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne()
                    .restartIntensity(1, Duration.ofSeconds(10)).child(crasher("w")));
            crash(sup, "w");                        // restart 1 at t=0: within the intensity of 1
            clock.advance(10_001 * MS);             // the first restart leaves the 10 s window
            crash(sup, "w");                        // restart 2, alone in its window
            assertTrue(sup.ref().isAlive());
            assertEquals(2, sup.children().getFirst().restarts());
            clock.advance(9_999 * MS);              // restart 2 is still in the window
            ActorRef<?> w = sup.child("w").orElseThrow();
            @SuppressWarnings("unchecked")
            ActorRef<String> child = (ActorRef<String>) w;
            child.cast("again");
            ExitReason reason = sup.ref().termination().get(10, TimeUnit.SECONDS);
            assertInstanceOf(RestartIntensityExceededException.class,
                    assertInstanceOf(ExitReason.Error.class, reason).cause());
        }
    }

    @Test
    void aChildWithABackoffWaitsDoublingDelaysWhichResetAfterAQuietRun() throws Exception {
        ManualClock clock = new ManualClock();
        try (SystemImpl system = new SystemImpl(ActorSystemConfig.defaults("backoff"), ThreadSource.JDK, clock)) {
            Backoff backoff = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1)).withJitter(0);
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne()
                    .restartIntensity(100, Duration.ofSeconds(1))
                    .child(crasher("w").backoff(backoff)));

            crash(sup, "w");
            assertRestartsAfter(clock, sup, 100);
            crash(sup, "w");
            assertRestartsAfter(clock, sup, 200);
            crash(sup, "w");
            assertRestartsAfter(clock, sup, 400);

            clock.advance(1_000 * MS);              // a quiet run as long as resetAfter (= max)
            crash(sup, "w");
            assertRestartsAfter(clock, sup, 100);
        }
    }

    /** Checks that the child waits exactly {@code ms} (virtual) before it is restarted. */
    private static void assertRestartsAfter(ManualClock clock, Supervisor sup, long ms) {
        ChildInfo waiting = sup.children().getFirst();
        assertEquals(ChildInfo.Status.RESTARTING, waiting.status());
        assertEquals(null, waiting.actor());
        clock.advance((ms - 1) * MS);
        assertEquals(ChildInfo.Status.RESTARTING, sup.children().getFirst().status(), "not before " + ms + " ms");
        clock.advance(MS);
        ChildInfo running = sup.children().getFirst();
        assertEquals(ChildInfo.Status.RUNNING, running.status(), "restarted at " + ms + " ms");
        assertTrue(running.actor().isAlive());
    }

    @Test
    void theJitterKeepsEachDelayWithinItsBounds() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1)).withJitter(0.5);
        java.util.Random random = new java.util.Random(42);
        for (int attempt = 0; attempt < 10; attempt++) {
            long base = Math.min(1_000, 100L << attempt);
            for (int i = 0; i < 200; i++) {
                long delay = backoff.delay(attempt, random).toMillis();
                assertTrue(delay >= base / 2 && delay <= Math.min(1_000, base * 3 / 2),
                        "attempt " + attempt + ": " + delay + " ms outside [" + base / 2 + ", " + base * 3 / 2 + "]");
            }
        }
        assertEquals(Duration.ofSeconds(1), Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1))
                .withJitter(0).delay(1_000, random));
    }
}
