package io.heddle.observe.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorContext;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.scheduling.Blocking;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.DeadLetter;
import io.heddle.Mailbox;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.observe.testing.EventLog;
import io.heddle.observe.testing.LifecycleProbe;
import io.heddle.observe.testing.SchedulingProbe;
import io.heddle.scheduling.BlockedWorker;
import io.heddle.scheduling.HandlerTimedOut;
import io.heddle.scheduling.Scheduling;
import io.heddle.scheduling.SchedulingEvent;
import io.heddle.scheduling.Starvation;
import io.heddle.scheduling.TimeoutAction;
import io.heddle.scheduling.Watchdog;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorSpec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Micrometer adapter on a real system: each meter, with its tags, after a small workload. */
class HeddleMetricsTest {

    sealed interface CounterMsg {}

    record Add(int amount) implements CounterMsg {}

    record Get(ReplyTo<Integer> replyTo) implements CounterMsg {}

    static Behavior<CounterMsg> counter(int total) {
        return (ctx, msg) -> switch (msg) {
            case Add(int amount) -> counter(total + amount);
            case Get(ReplyTo<Integer> replyTo) -> {
                replyTo.reply(total);
                yield Behaviors.same();
            }
        };
    }

    /** Handles "block" by waiting for {@code release}, anything else at once; labelled HeddleMetricsTest$Blocker. */
    record Blocker(CountDownLatch entered, CountDownLatch release) implements Behavior<String> {
        @Override
        public Behavior<String> receive(ActorContext<String> context, String message) throws InterruptedException {
            if (message.equals("block")) {
                entered.countDown();
                assertTrue(release.await(EventLog.TIMEOUT_SECONDS, TimeUnit.SECONDS), "released");
            }
            return Behaviors.same();
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Whether each distribution asked the registry for a percentile histogram. */
    private final Map<Meter.Id, Boolean> histogramAsked = new ConcurrentHashMap<>();

    {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                histogramAsked.put(id, Boolean.TRUE.equals(config.isPercentileHistogram()));
                return config;
            }
        });
    }
    private final LifecycleProbe lifecycle = new LifecycleProbe();
    private final SchedulingProbe scheduling = new SchedulingProbe();
    private final EventLog<DeadLetter> deadLetters = new EventLog<>();
    private final EventLog<SchedulingEvent> schedulingEvents = new EventLog<>();

    /** A quiet configuration with the metrics installed first and the test's probes after them. */
    private ActorSystemConfig config(ActorSystemConfig base, MetricsOptions options) {
        return HeddleMetrics.install(base.schedulingListener(event -> { }), registry, options)
                .observer(lifecycle)
                .addSchedulingMetrics(scheduling)
                .addSchedulingListener(schedulingEvents);
    }

    private ActorSystem start(ActorSystemConfig base) {
        ActorSystem system = ActorSystem.create(config(base.watchdog(Watchdog.disabled()), MetricsOptions.defaults()));
        system.deadLetters().subscribe(deadLetters); // after the metrics' own subscription
        return system;
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void aWorkloadShowsUpInEveryMeterTaggedWithTheSystem() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ActorSystem system = start(ActorSystemConfig.defaults("shop"))) {
            // Messages: three casts and a call.
            ActorRef<CounterMsg> counter = system.spawn(counter(0), SpawnOptions.named("counter"));
            for (int i = 1; i <= 3; i++) counter.cast(new Add(i));
            assertEquals(6, counter.<Integer>call(Get::new));
            scheduling.awaitCompleted(counter.pid(), 4);

            // A crash under a supervisor.
            ChildSpec<String> spec = ChildSpec.<String>worker("worker", () -> (ctx, m) -> {
                throw new IllegalStateException("cannot " + m);
            }).options(SpawnOptions.named("worker"));
            Supervisor supervisor = Supervisor.start(system, SupervisorSpec.oneForOne().child(spec),
                    SpawnOptions.named("sup"));
            ActorRef<String> first = supervisor.child(spec).orElseThrow();
            first.cast("crash");
            lifecycle.awaitRestart("worker", 1);
            // The supervisor may restart the child before the observers hear that the first one stopped.
            lifecycle.awaitStopped(first.pid());

            // A message the behavior does not handle.
            ActorRef<String> picky = system.spawn((ctx, m) -> Behaviors.unhandled(), SpawnOptions.named("picky"));
            picky.cast("anything");
            deadLetters.await(DeadLetter.class, d -> d.reason() == DeadLetter.Reason.UNHANDLED, "the unhandled one");

            // A full dropping mailbox: "first" is being handled, "second" waits, "third" is dropped.
            ActorRef<String> sink = system.spawn(new Blocker(entered, release), SpawnOptions.named("sink")
                    .mailbox(Mailbox.dropping(1)).scheduling(Scheduling.defaults().throughput(1)));
            sink.cast("block");
            assertTrue(entered.await(EventLog.TIMEOUT_SECONDS, TimeUnit.SECONDS), "the sink started handling");
            sink.cast("second");
            sink.cast("third");
            deadLetters.await(DeadLetter.class, d -> d.reason() == DeadLetter.Reason.DROPPED, "the dropped one");

            assertEquals(1, gauge(MeterNames.MAILBOX_SIZE, "system", "shop", "actor", "sink"));
            assertEquals(0, gauge(MeterNames.MAILBOX_SIZE, "system", "shop", "actor", "counter"));
            assertEquals(4, gauge(MeterNames.ACTORS_LIVE, "system", "shop", "kind", "actor"),
                    "counter, the restarted worker, picky and sink");
            assertEquals(1, gauge(MeterNames.ACTORS_LIVE, "system", "shop", "kind", "supervisor"));
            assertEquals(0, gauge(MeterNames.ACTORS_LIVE, "system", "shop", "kind", "task"));
            assertEquals(1, count(MeterNames.ACTORS_STOPPED, "system", "shop", "kind", "actor", "reason", "error"));

            // With a throughput of 1, the sink's turn ends with "second" still queued.
            release.countDown();
            scheduling.awaitYield(sink.pid());
            assertEquals(1, count(MeterNames.THROUGHPUT_YIELDS, "system", "shop", "actor", "sink"));
        } finally {
            release.countDown();
        }

        assertEquals(4, count(MeterNames.MESSAGES_PROCESSED, "system", "shop", "actor", "counter"));
        assertEquals(1, count(MeterNames.MESSAGES_PROCESSED, "system", "shop", "actor", "worker"),
                "the handler that threw counts as handled");
        Timer casts = registry.get(MeterNames.HANDLER_DURATION).tags("system", "shop", "actor", "counter", "kind", "cast")
                .timer();
        assertEquals(3, casts.count());
        assertTrue(casts.totalTime(TimeUnit.NANOSECONDS) > 0);
        HistogramSnapshot snapshot = casts.takeSnapshot();
        assertEquals(3, snapshot.percentileValues().length, "0.5, 0.95 and 0.99");
        // A SimpleMeterRegistry publishes no histogram buckets; what the timer asked the registry for shows it.
        assertEquals(Boolean.TRUE, histogramAsked.get(casts.getId()), "a percentile histogram, for Prometheus & co");
        assertEquals(1, registry.get(MeterNames.HANDLER_DURATION)
                .tags("system", "shop", "actor", "counter", "kind", "call").timer().count());
        assertTrue(registry.get(MeterNames.TURN_QUEUE_DEPTH).tags("system", "shop", "actor", "counter")
                .summary().count() >= 1, "every turn reports its queue");

        assertEquals(1, count(MeterNames.ACTOR_RESTARTS, "system", "shop", "supervisor", "sup", "child", "worker"));
        assertEquals(5, count(MeterNames.ACTORS_STARTED, "system", "shop", "kind", "actor"),
                "counter, worker twice, picky, sink");
        assertEquals(1, count(MeterNames.ACTORS_STARTED, "system", "shop", "kind", "supervisor"));
        assertEquals(1, count(MeterNames.DEAD_LETTERS, "system", "shop", "reason", "unhandled"));
        assertEquals(1, count(MeterNames.DEAD_LETTERS, "system", "shop", "reason", "dropped"));
        assertEquals(1, count(MeterNames.MESSAGES_DROPPED, "system", "shop", "actor", "sink", "reason", "dropped"));

        Set<String> names = registry.getMeters().stream().map(m -> m.getId().getName()).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of(MeterNames.MAILBOX_SIZE, MeterNames.MESSAGES_PROCESSED,
                MeterNames.HANDLER_DURATION, MeterNames.TURN_QUEUE_DEPTH, MeterNames.THROUGHPUT_YIELDS,
                MeterNames.DEAD_LETTERS, MeterNames.MESSAGES_DROPPED, MeterNames.ACTOR_RESTARTS,
                MeterNames.ACTORS_STARTED, MeterNames.ACTORS_STOPPED, MeterNames.ACTORS_LIVE,
                MeterNames.SCHEDULING_DELAY)), names.toString());
        assertTrue(names.stream().allMatch(n -> n.startsWith("heddle.")), names.toString());
        for (Meter meter : registry.getMeters()) {
            assertEquals("shop", meter.getId().getTag(MeterTags.SYSTEM), meter.getId().toString());
            assertNull(meter.getId().getTag(MeterTags.PID), "no pid tags unless asked for: " + meter.getId());
        }
    }

    @Test
    void blockedWorkersStarvationAndSchedulingDelayAreCounted() throws Exception {
        Watchdog watchdog = Watchdog.defaults().probeInterval(Duration.ofMillis(20))
                .starvation(Duration.ofMillis(50), Duration.ofSeconds(30)).blockedThreshold(Duration.ofMillis(30));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Starvation starvation;
        try (ActorSystem system = ActorSystem.create(config(ActorSystemConfig.defaults("busy").parallelism(1)
                .watchdog(watchdog).blocking(Blocking.disabled()), MetricsOptions.defaults()))) { // must starve
            // The only worker waits on a latch, which Heddle cannot see: a blocked worker, and starved probes.
            ActorRef<String> hog = system.spawn(new Blocker(entered, release), SpawnOptions.named("hog"));
            hog.cast("block");
            BlockedWorker blocked = schedulingEvents.await(BlockedWorker.class, b -> b.actor().equals(hog.pid()),
                    "the blocked hog");
            starvation = schedulingEvents.await(Starvation.class, s -> true, "starvation");
            String state = blocked.state().name().toLowerCase(Locale.ROOT); // timed_waiting: the Blocker's await
            assertEquals(1, count(MeterNames.BLOCKED_WORKERS, "system", "busy", "actor", "hog", "state", state));
            long seen = schedulingEvents.count(Starvation.class, s -> s.severity() == Starvation.Severity.WARNING);
            assertTrue(seen >= 1 && count(MeterNames.STARVATION, "system", "busy", "severity", "warning") >= seen);

            long before = scheduling.delays();
            release.countDown();
            scheduling.awaitDelay(before); // the starved probe runs at last
            Timer delay = registry.get(MeterNames.SCHEDULING_DELAY).tags("system", "busy").timer();
            assertTrue(delay.count() >= scheduling.delays() && delay.count() > 0);
            assertTrue(delay.max(TimeUnit.NANOSECONDS) >= starvation.delay().toNanos(),
                    "the starved probe's delay was recorded: " + delay.max(TimeUnit.MILLISECONDS) + " ms");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aHandlerPastItsTimeoutIsCountedWithItsKindAndAction() throws Exception {
        try (ActorSystem system = start(ActorSystemConfig.defaults("slow"))) {
            // The handler runs until its timeout has been reported: no sleep, no race.
            ActorRef<String> slow = system.spawn((ctx, m) -> {
                schedulingEvents.await(HandlerTimedOut.class, t -> t.actor().equals(ctx.self().pid()), "a timeout");
                return Behaviors.same();
            }, SpawnOptions.named("slow")
                    .scheduling(Scheduling.defaults().handlerTimeout(Duration.ofMillis(20), TimeoutAction.WARN)));
            slow.cast("work");
            schedulingEvents.await(HandlerTimedOut.class, t -> t.actor().equals(slow.pid()), "the timeout");
            assertEquals(1, count(MeterNames.HANDLER_TIMEOUTS,
                    "system", "slow", "actor", "slow", "kind", "cast", "action", "warn"));
            scheduling.awaitCompleted(slow.pid());
        }
    }

    @Test
    void pidTagsGiveEachActorItsOwnSeriesRemovedWhenItStops() throws Exception {
        try (ActorSystem system = ActorSystem.create(config(ActorSystemConfig.defaults("tagged")
                .watchdog(Watchdog.disabled()), MetricsOptions.defaults().pidTags(true)))) {
            ActorRef<CounterMsg> solo = system.spawn(counter(0), SpawnOptions.named("solo"));
            solo.cast(new Add(2));
            assertEquals(2, solo.<Integer>call(Get::new));
            scheduling.awaitCompleted(solo.pid(), 2);
            String pid = solo.pid().toString();

            assertEquals(2, count(MeterNames.MESSAGES_PROCESSED, "system", "tagged", "actor", "solo", "pid", pid));
            assertEquals(0, gauge(MeterNames.MAILBOX_SIZE, "system", "tagged", "actor", "solo", "pid", pid));
            assertEquals(1, registry.get(MeterNames.HANDLER_DURATION)
                    .tags("actor", "solo", "pid", pid, "kind", "call").timer().count());

            solo.stop();
            lifecycle.awaitStopped(solo.pid());
            assertTrue(registry.getMeters().stream().noneMatch(m -> pid.equals(m.getId().getTag(MeterTags.PID))),
                    "the stopped actor's meters are gone");
            assertEquals(0, gauge(MeterNames.ACTORS_LIVE, "system", "tagged", "kind", "actor"));
        }
    }

    @Test
    void mailboxGaugesSumALabelAndReuseOneInspectionUntilItIsOld() throws Exception {
        MockClock clock = new MockClock();
        SimpleMeterRegistry mocked = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        var config = HeddleMetrics.install(ActorSystemConfig.defaults("queues").watchdog(Watchdog.disabled()),
                mocked).addSchedulingMetrics(scheduling);
        try (ActorSystem system = ActorSystem.create(config)) {
            // Two unnamed actors of one class share its label; each has one message waiting.
            ActorRef<String> one = system.spawn(new Blocker(entered, release));
            ActorRef<String> two = system.spawn(new Blocker(entered, release));
            one.cast("block");
            two.cast("block");
            assertTrue(entered.await(EventLog.TIMEOUT_SECONDS, TimeUnit.SECONDS), "both started handling");
            one.cast("waiting");
            two.cast("waiting");

            Gauge blockers = mocked.get(MeterNames.MAILBOX_SIZE).tags("system", "queues", "actor", "HeddleMetricsTest$Blocker").gauge();
            assertEquals(2, blockers.value());

            release.countDown();
            scheduling.awaitCompleted(one.pid(), 2);
            scheduling.awaitCompleted(two.pid(), 2);
            assertEquals(2, blockers.value(), "the inspection is reused while younger than a second");
            clock.add(Duration.ofSeconds(1));
            assertEquals(0, blockers.value(), "a second later on the registry's clock, a new one");
        } finally {
            release.countDown();
        }
        assertFalse(mocked.getMeters().isEmpty());
        assertEquals(0, mocked.get(MeterNames.MAILBOX_SIZE).tags("actor", "HeddleMetricsTest$Blocker").gauge().value(),
                "a stopped system reads as empty");
    }

    @Test
    void optionsRejectANegativeSnapshotAge() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> MetricsOptions.defaults().snapshotMaxAge(Duration.ofSeconds(-1)));
        assertEquals("snapshotMaxAge must be zero or positive, got PT-1S", error.getMessage());
    }
}
