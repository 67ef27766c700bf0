package io.heddle.scheduling;

import io.heddle.spi.SchedulingMetrics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Behaviors;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The watchdog on real carriers: a handler that holds the only dispatcher worker is reported as a blocked worker, and
 * the work it keeps waiting as starvation, with a thread dump once critical. Events are awaited, never slept for.
 */
class WatchdogTest {

    private final LinkedBlockingQueue<SchedulingEvent> events = new LinkedBlockingQueue<>();

    private ActorSystem system(Watchdog watchdog) {
        return ActorSystem.create(ActorSystemConfig.defaults("watchdog").parallelism(1).watchdog(watchdog)
                .blocking(Blocking.disabled()) // so that a held worker starves the others, as the tests need
                .schedulingListener(events::add));
    }

    private final List<SchedulingEvent> seen = new ArrayList<>();

    /** Returns the first event so far of {@code type} that {@code which} accepts, waiting up to 10 s for it. */
    private <E extends SchedulingEvent> E next(Class<E> type, java.util.function.Predicate<E> which)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; ; i++) {
            if (i == seen.size()) {
                SchedulingEvent e = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e == null) throw new AssertionError("no matching " + type.getSimpleName() + " within 10 s; saw "
                        + seen);
                seen.add(e);
            }
            SchedulingEvent e = seen.get(i);
            if (type.isInstance(e) && which.test(type.cast(e))) return type.cast(e);
        }
    }

    record Spin(AtomicBoolean release) {}

    record Ping(ReplyTo<String> replyTo) {}

    @Test
    void aHandlerThatHoldsItsCarrierIsReportedAndStarvationEscalatesToADump() throws Exception {
        Watchdog watchdog = Watchdog.defaults().probeInterval(Duration.ofMillis(20))
                .starvation(Duration.ofMillis(50), Duration.ofMillis(200)).blockedThreshold(Duration.ofMillis(50));
        AtomicBoolean release = new AtomicBoolean();
        try (ActorSystem system = system(watchdog)) {
            ActorRef<Spin> hog = system.spawn((ctx, spin) -> {
                while (!spin.release().get()) Thread.onSpinWait(); // CPU-bound: holds the worker and its carrier
                return Behaviors.same();
            }, SpawnOptions.named("hog"));
            ActorRef<Ping> neighbour = system.spawn((ctx, ping) -> {
                ping.replyTo().reply("pong");
                return Behaviors.same();
            }, SpawnOptions.named("neighbour"));
            hog.cast(new Spin(release));

            BlockedWorker blocked = next(BlockedWorker.class, b -> b.actor().equals(hog.pid()));
            assertSame(Thread.State.RUNNABLE, blocked.state());
            assertTrue(blocked.held().compareTo(Duration.ofMillis(50)) >= 0, blocked.toString());
            assertTrue(blocked.stack().stream().anyMatch(f -> f.getClassName().startsWith(WatchdogTest.class.getName())),
                    "the stack shows the handler: " + blocked);
            assertTrue(blocked.toString().contains("without a Heddle wait"), blocked.toString());

            // Usually a warning comes first; a tick delayed past the critical threshold reports critical at once.
            Starvation first = next(Starvation.class, s -> true);
            assertTrue(first.delay().compareTo(Duration.ofMillis(50)) >= 0, first.toString());
            if (first.severity() == Starvation.Severity.WARNING) {
                assertTrue(first.threads().isEmpty(), "no dump below critical");
            }

            Starvation critical = next(Starvation.class, s -> s.severity() == Starvation.Severity.CRITICAL);
            assertTrue(critical.delay().compareTo(Duration.ofMillis(200)) >= 0);
            Starvation.ThreadDump worker = critical.threads().stream()
                    .filter(t -> hog.toString().equals(t.actor())).findFirst().orElse(null);
            assertNotNull(worker, "the dump names the worker running the hog: " + critical);
            assertTrue(worker.stack().stream().anyMatch(f -> f.getClassName().startsWith(WatchdogTest.class.getName())),
                    critical.toString());
            assertTrue(critical.toString().startsWith("CRITICAL starvation: ready work waited"), critical.toString());

            release.set(true);
            assertEquals("pong", neighbour.call(Ping::new), "the system recovers once the hog lets go");
        } finally {
            release.set(true);
        }
    }

    @Test
    void aHandlerBlockedInAJdkWaitIsReportedWithItsState() throws Exception {
        Watchdog watchdog = Watchdog.defaults().probeInterval(Duration.ofSeconds(1))
                .starvation(Duration.ofSeconds(5), Duration.ofSeconds(10)).blockedThreshold(Duration.ofMillis(30));
        CountDownLatch release = new CountDownLatch(1);
        try (ActorSystem system = system(watchdog)) {
            ActorRef<String> sleeper = system.spawn((ctx, m) -> {
                release.await(); // a wait Heddle cannot see: it parks the worker, which other actors then lack
                return Behaviors.same();
            }, SpawnOptions.named("sleeper"));
            sleeper.cast("go");
            BlockedWorker blocked = next(BlockedWorker.class, b -> b.actor().equals(sleeper.pid()));
            assertSame(Thread.State.WAITING, blocked.state());
            assertTrue(blocked.stack().stream().anyMatch(f -> f.getClassName().equals(CountDownLatch.class.getName())
                    && f.getMethodName().equals("await")), blocked.toString());
            release.countDown();
        } finally {
            release.countDown();
        }
    }

    /** A handler waiting in Heddle (a call) hands its worker over: it is not reported. */
    @Test
    void aHandlerWaitingInACallIsNotABlockedWorker() throws Exception {
        Watchdog watchdog = Watchdog.defaults().probeInterval(Duration.ofMillis(10))
                .starvation(Duration.ofSeconds(5), Duration.ofSeconds(10)).blockedThreshold(Duration.ofMillis(20));
        CountDownLatch answer = new CountDownLatch(1);
        LinkedBlockingQueue<Long> delays = new LinkedBlockingQueue<>();
        try (ActorSystem system = ActorSystem.create(ActorSystemConfig.defaults("watchdog").parallelism(1)
                .watchdog(watchdog).schedulingListener(events::add).schedulingMetrics(new SchedulingMetrics() {
                    @Override
                    public void schedulingDelay(long nanos) {
                        delays.add(nanos);
                    }
                }))) {
            // The callee answers only when the test says so; it runs on a thread of its own, not on the worker.
            ActorRef<Ping> gate = system.spawn((ctx, ping) -> {
                answer.await();
                ping.replyTo().reply("done");
                return Behaviors.same();
            }, SpawnOptions.named("gate").backend(io.heddle.Backend.virtualThread()));
            LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
            ActorRef<String> waiter = system.spawn((ctx, m) -> {
                replies.add(gate.call(Ping::new, Duration.ofSeconds(10)));
                return Behaviors.same();
            }, SpawnOptions.named("waiter"));
            waiter.cast("go");
            // Ten probes handled on the one worker while the waiter waits: the worker was free.
            for (int i = 0; i < 10; i++) assertNotNull(delays.poll(10, TimeUnit.SECONDS), "probe " + i);
            answer.countDown();
            assertEquals("done", replies.poll(10, TimeUnit.SECONDS));
        }
        assertTrue(events.stream().noneMatch(e -> e instanceof BlockedWorker), events.toString());
    }
}
