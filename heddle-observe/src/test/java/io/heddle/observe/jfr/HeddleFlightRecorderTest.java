package io.heddle.observe.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorContext;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.scheduling.Blocking;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.DeadLetter;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.observe.testing.EventLog;
import io.heddle.observe.testing.FlightRecording;
import io.heddle.observe.testing.LifecycleProbe;
import io.heddle.observe.testing.SchedulingProbe;
import io.heddle.scheduling.BlockedWorker;
import io.heddle.scheduling.SchedulingEvent;
import io.heddle.scheduling.Starvation;
import io.heddle.scheduling.Watchdog;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.SettingDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flight recorder adapter on a real system: each event is recorded into a {@link jdk.jfr.Recording}, read back
 * from its dump, and checked field by field. Tests wait for the runtime to report an event to the probes installed
 * after the adapter, then stop the recording: every event committed by then is in it.
 */
class HeddleFlightRecorderTest {

    /** Handled at once, below any threshold. */
    record Fast() {}

    /** Handled in {@link #SLOW_WORK}, above the threshold. */
    record Slow() {}

    /** A request handled in {@link #SLOW_WORK}. */
    record SlowCall(ReplyTo<String> replyTo) {}

    /** Handled in {@link #SLOW_WORK}, then throws. */
    record SlowFailure() {}

    /** Stops on "done", ignores anything else; unnamed, labelled HeddleFlightRecorderTest$Quiet. */
    record Quiet() implements Behavior<String> {
        @Override
        public Behavior<String> receive(ActorContext<String> context, String message) {
            return message.equals("done") ? Behaviors.stopped() : Behaviors.same();
        }
    }

    private static final Duration THRESHOLD = Duration.ofMillis(100);
    private static final Duration SLOW_WORK = THRESHOLD.plusMillis(50);

    @TempDir
    Path directory;

    private final LifecycleProbe lifecycle = new LifecycleProbe();
    private final SchedulingProbe scheduling = new SchedulingProbe();
    private final EventLog<DeadLetter> deadLetters = new EventLog<>();
    private final EventLog<SchedulingEvent> schedulingEvents = new EventLog<>();

    /** A quiet system with the flight recorder installed first and the test's probes after it. */
    private ActorSystem start(ActorSystemConfig base) {
        ActorSystem system = ActorSystem.create(HeddleFlightRecorder.install(base.schedulingListener(event -> { }))
                .observer(lifecycle)
                .addSchedulingMetrics(scheduling)
                .addSchedulingListener(schedulingEvents));
        system.deadLetters().subscribe(deadLetters); // after the flight recorder's own subscription
        return system;
    }

    private ActorSystem start(String name) {
        return start(ActorSystemConfig.defaults(name).watchdog(Watchdog.disabled()));
    }

    /** Stands for a handler's slow work: holds the handler for at least {@code time}. It is the load, not a wait. */
    private static void workFor(Duration time) {
        long end = System.nanoTime() + time.toNanos();
        for (long left; (left = end - System.nanoTime()) > 0; ) LockSupport.parkNanos(left);
    }

    private static RecordedEvent only(List<RecordedEvent> events, Predicate<RecordedEvent> which, String what) {
        List<RecordedEvent> matching = events.stream().filter(which).toList();
        assertEquals(1, matching.size(), () -> "one " + what + " in " + events);
        return matching.getFirst();
    }

    private static Predicate<RecordedEvent> pid(ActorRef<?> ref) {
        return event -> ref.pid().toString().equals(event.getString("pid"));
    }

    @Test
    void spawnedAndStoppedActorsAreRecordedWithWhoTheyWereAndWhy() throws Exception {
        try (FlightRecording recording = new FlightRecording(directory)
                .enable(EventNames.ACTOR_SPAWNED).enable(EventNames.ACTOR_STOPPED).start();
             ActorSystem system = start("lifecycle")) {
            ActorRef<String> greeter = system.spawn((ctx, m) -> Behaviors.same(), SpawnOptions.named("greeter"));
            ActorRef<String> quiet = system.spawn(new Quiet());
            lifecycle.awaitStarted(greeter.pid());
            lifecycle.awaitStarted(quiet.pid());
            greeter.stop();
            quiet.cast("done");
            lifecycle.awaitStopped(greeter.pid());
            lifecycle.awaitStopped(quiet.pid());

            List<RecordedEvent> events = recording.stop();
            List<RecordedEvent> spawned = events.stream()
                    .filter(e -> e.getEventType().getName().equals(EventNames.ACTOR_SPAWNED))
                    .filter(e -> "lifecycle".equals(e.getString("system"))).toList();
            RecordedEvent greeterSpawned = only(spawned, pid(greeter), "spawn of the greeter");
            assertEquals("greeter", greeterSpawned.getString("name"));
            assertEquals("greeter", greeterSpawned.getString("label"));
            assertEquals("actor", greeterSpawned.getString("kind"));
            RecordedEvent quietSpawned = only(spawned, pid(quiet), "spawn of the unnamed actor");
            assertNull(quietSpawned.getString("name"));
            assertEquals("HeddleFlightRecorderTest$Quiet", quietSpawned.getString("label"));

            List<RecordedEvent> stopped = events.stream()
                    .filter(e -> e.getEventType().getName().equals(EventNames.ACTOR_STOPPED))
                    .filter(e -> "lifecycle".equals(e.getString("system"))).toList();
            RecordedEvent greeterStopped = only(stopped, pid(greeter), "stop of the greeter");
            assertEquals("greeter", greeterStopped.getString("name"));
            assertEquals("actor", greeterStopped.getString("kind"));
            assertEquals("shutdown", greeterStopped.getString("reason"), "stopped from outside");
            assertEquals("shutdown", greeterStopped.getString("detail"));
            assertTrue(!greeterStopped.getDuration("lifetime").isNegative(), greeterStopped.toString());
            RecordedEvent quietStopped = only(stopped, pid(quiet), "stop of the unnamed actor");
            assertEquals("normal", quietStopped.getString("reason"), "it stopped itself");
            assertEquals("HeddleFlightRecorderTest$Quiet", quietStopped.getString("label"));
            assertEquals(2, stopped.size(), stopped.toString());
        }
    }

    @Test
    void aCrashUnderASupervisorIsRecordedAsAnErrorStopAndARestart() throws Exception {
        try (FlightRecording recording = new FlightRecording(directory).enable(EventNames.ACTOR_SPAWNED)
                .enable(EventNames.ACTOR_STOPPED).enable(EventNames.ACTOR_RESTARTED).start();
             ActorSystem system = start("crashes")) {
            ChildSpec<String> spec = ChildSpec.<String>worker("worker", () -> (ctx, m) -> {
                throw new IllegalStateException("cannot " + m);
            }).options(SpawnOptions.named("worker"));
            Supervisor supervisor = Supervisor.start(system, SupervisorSpec.oneForOne().child(spec),
                    SpawnOptions.named("sup"));
            ActorRef<String> first = supervisor.child(spec).orElseThrow();
            first.cast("crash");
            LifecycleProbe.Restarted restart = lifecycle.awaitRestart("worker", 1);
            // The supervisor may restart the child before the observers hear that the first one stopped.
            lifecycle.awaitStopped(first.pid());
            lifecycle.awaitStarted(restart.next());

            List<RecordedEvent> events = recording.stop().stream()
                    .filter(e -> "crashes".equals(e.getString("system"))).toList();
            RecordedEvent restarted = only(events,
                    e -> e.getEventType().getName().equals(EventNames.ACTOR_RESTARTED), "restart");
            assertEquals(supervisor.ref().pid().toString(), restarted.getString("supervisor"));
            assertEquals("sup", restarted.getString("supervisorLabel"));
            assertEquals("worker", restarted.getString("childId"));
            assertEquals(first.pid().toString(), restarted.getString("previousPid"));
            assertEquals(restart.next().toString(), restarted.getString("nextPid"));
            assertEquals("error", restarted.getString("reason"));
            assertEquals("error: java.lang.IllegalStateException: cannot crash", restarted.getString("detail"));
            assertEquals(1, restarted.getInt("restarts"));

            RecordedEvent crashed = only(events, e -> e.getEventType().getName().equals(EventNames.ACTOR_STOPPED)
                    && first.pid().toString().equals(e.getString("pid")), "stop of the first worker");
            assertEquals("error", crashed.getString("reason"));
            assertEquals("error: java.lang.IllegalStateException: cannot crash", crashed.getString("detail"));

            Map<String, String> kinds = new HashMap<>();
            events.stream().filter(e -> e.getEventType().getName().equals(EventNames.ACTOR_SPAWNED))
                    .forEach(e -> kinds.merge(e.getString("pid"), e.getString("kind"), (a, b) -> a + "," + b));
            assertEquals(Map.of(first.pid().toString(), "actor", restart.next().toString(), "actor",
                    supervisor.ref().pid().toString(), "supervisor"), kinds, "the worker twice, the supervisor once");
        }
    }

    @Test
    void aMessageThatCannotBeDeliveredIsRecordedAsADeadLetter() throws Exception {
        try (FlightRecording recording = new FlightRecording(directory).enable(EventNames.DEAD_LETTER).start();
             ActorSystem system = start("letters")) {
            ActorRef<String> gone = system.spawn((ctx, m) -> Behaviors.same(), SpawnOptions.named("gone"));
            gone.stop();
            lifecycle.awaitStopped(gone.pid());
            gone.cast("too late");
            ActorRef<Integer> picky = system.spawn((ctx, m) -> Behaviors.unhandled());
            picky.cast(7);
            deadLetters.await(DeadLetter.class, d -> d.reason() == DeadLetter.Reason.RECIPIENT_STOPPED, "the late one");
            deadLetters.await(DeadLetter.class, d -> d.reason() == DeadLetter.Reason.UNHANDLED, "the unhandled one");

            List<RecordedEvent> letters = recording.stop(EventNames.DEAD_LETTER, "letters");
            assertEquals(2, letters.size(), letters.toString());
            RecordedEvent late = only(letters, e -> e.getString("reason").equals("RECIPIENT_STOPPED"), "late letter");
            assertEquals(gone.pid().toString(), late.getString("recipient"));
            assertEquals("gone", late.getString("recipientName"));
            assertEquals(String.class.getName(), late.getClass("messageType").getName());
            RecordedEvent unhandled = only(letters, e -> e.getString("reason").equals("UNHANDLED"), "unhandled letter");
            assertEquals(picky.pid().toString(), unhandled.getString("recipient"));
            assertNull(unhandled.getString("recipientName"));
            assertEquals(Integer.class.getName(), unhandled.getClass("messageType").getName());
        }
    }

    @Test
    void aHandlerAboveTheThresholdIsRecordedWithItsDurationAndOneBelowIsNot() throws Exception {
        try (FlightRecording recording = new FlightRecording(directory)
                .enable(EventNames.MESSAGE_HANDLED, THRESHOLD).start();
             ActorSystem system = start("handlers")) {
            ActorRef<Object> worker = system.spawn((ctx, m) -> {
                switch (m) {
                    case Slow slow -> workFor(SLOW_WORK);
                    case SlowCall call -> {
                        workFor(SLOW_WORK);
                        call.replyTo().reply("done");
                    }
                    case SlowFailure failure -> {
                        workFor(SLOW_WORK);
                        throw new IllegalStateException("failed slowly");
                    }
                    default -> { }
                }
                return Behaviors.same();
            }, SpawnOptions.named("worker"));
            worker.cast(new Fast());
            worker.cast(new Slow());
            worker.cast(new Fast());
            assertEquals("done", worker.call(SlowCall::new));
            worker.cast(new SlowFailure());
            scheduling.awaitCompleted(worker.pid(), 5); // each reported after the adapter's afterHandler

            List<RecordedEvent> handled = recording.stop(EventNames.MESSAGE_HANDLED, "handlers");
            assertEquals(List.of(Slow.class.getName(), SlowCall.class.getName(), SlowFailure.class.getName()),
                    handled.stream().map(e -> e.getClass("messageType").getName()).toList(),
                    "the slow ones, in order, and not the fast ones");
            for (RecordedEvent event : handled) {
                assertEquals(worker.pid().toString(), event.getString("pid"));
                assertEquals("worker", event.getString("actor"));
                assertTrue(event.getDuration().compareTo(THRESHOLD) >= 0, event.toString());
            }
            assertEquals("cast", handled.get(0).getString("handlerKind"));
            assertNull(handled.get(0).getString("failure"));
            assertEquals("call", handled.get(1).getString("handlerKind"));
            assertEquals(IllegalStateException.class.getName(), handled.get(2).getString("failure"));
        }
    }

    @Test
    void aBlockedWorkerAndTheStarvationItCausesAreRecorded() throws Exception {
        Watchdog watchdog = Watchdog.defaults().probeInterval(Duration.ofMillis(20))
                .starvation(Duration.ofMillis(50), Duration.ofSeconds(30)).blockedThreshold(Duration.ofMillis(30));
        CountDownLatch release = new CountDownLatch(1);
        try (FlightRecording recording = new FlightRecording(directory)
                .enable(EventNames.BLOCKED_WORKER).enable(EventNames.STARVATION).start();
             ActorSystem system = start(ActorSystemConfig.defaults("starved").parallelism(1).watchdog(watchdog)
                     .blocking(Blocking.disabled()))) { // no compensation: the held worker must starve the probes
            // The only worker waits on a latch, which Heddle cannot see: a blocked worker, and starved probes.
            ActorRef<String> hog = system.spawn((ctx, m) -> {
                release.await();
                return Behaviors.same();
            }, SpawnOptions.named("hog"));
            hog.cast("block");
            BlockedWorker blocked = schedulingEvents.await(BlockedWorker.class, b -> b.actor().equals(hog.pid()),
                    "the blocked hog");
            Starvation starvation = schedulingEvents.await(Starvation.class, s -> true, "starvation");
            List<RecordedEvent> events = recording.stop();
            release.countDown();

            RecordedEvent worker = only(events, e -> e.getEventType().getName().equals(EventNames.BLOCKED_WORKER)
                    && "starved".equals(e.getString("system")), "blocked worker");
            assertEquals(hog.pid().toString(), worker.getString("pid"));
            assertEquals("hog", worker.getString("actor"));
            assertEquals(blocked.worker(), worker.getString("worker"));
            assertEquals(blocked.held(), worker.getDuration("held"));
            assertTrue(worker.getDuration("held").compareTo(Duration.ofMillis(30)) >= 0, worker.toString());
            assertEquals("WAITING", worker.getString("threadState"), "parked in CountDownLatch.await");
            assertTrue(worker.getString("stack").contains("java.util.concurrent.CountDownLatch.await"),
                    worker.getString("stack"));

            RecordedEvent starved = events.stream()
                    .filter(e -> e.getEventType().getName().equals(EventNames.STARVATION))
                    .filter(e -> "starved".equals(e.getString("system")))
                    .filter(e -> e.getDuration("delay").equals(starvation.delay())).findFirst()
                    .orElseThrow(() -> new AssertionError("no starvation of " + starvation.delay() + " in " + events));
            assertEquals(starvation.severity().name(), starved.getString("severity"));
            assertTrue(starved.getDuration("delay").compareTo(Duration.ofMillis(50)) >= 0, starved.toString());
        } finally {
            release.countDown();
        }
    }

    @Test
    void everyEventIsInTheHeddleCategoryOnByDefaultWithoutAStackTrace() {
        Map<Class<? extends Event>, String> names = Map.of(
                ActorSpawnedEvent.class, EventNames.ACTOR_SPAWNED,
                ActorStoppedEvent.class, EventNames.ACTOR_STOPPED,
                ActorRestartedEvent.class, EventNames.ACTOR_RESTARTED,
                MessageHandledEvent.class, EventNames.MESSAGE_HANDLED,
                DeadLetterEvent.class, EventNames.DEAD_LETTER,
                StarvationEvent.class, EventNames.STARVATION,
                BlockedWorkerEvent.class, EventNames.BLOCKED_WORKER);
        names.forEach((type, name) -> {
            EventType eventType = EventType.getEventType(type);
            assertEquals(name, eventType.getName());
            assertEquals("Heddle", eventType.getCategoryNames().getFirst(), name);
            assertEquals("true", setting(eventType, "enabled"), name + " is recorded by a plain JFR.start");
            assertEquals("false", setting(eventType, "stackTrace"), name);
        });
        assertEquals("10 ms", setting(EventType.getEventType(MessageHandledEvent.class), "threshold"),
                "handlers are recorded from 10 ms unless a recording says otherwise");
    }

    private static String setting(EventType type, String name) {
        return type.getSettingDescriptors().stream().filter(s -> s.getName().equals(name))
                .map(SettingDescriptor::getDefaultValue).findFirst()
                .orElseThrow(() -> new AssertionError(type.getName() + " has no setting " + name));
    }
}
