package io.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.CallFailedException;
import io.heddle.DeadLetter;
import io.heddle.ExitReason;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.scheduling.HandlerKind;
import io.heddle.scheduling.HandlerTimedOut;
import io.heddle.scheduling.HandlerTimeoutException;
import io.heddle.scheduling.Scheduling;
import io.heddle.scheduling.SchedulingEvent;
import io.heddle.scheduling.SlowHandler;
import io.heddle.scheduling.TimeoutAction;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorSpec;
import io.heddle.task.CancellationScope;
import io.heddle.task.Task;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Handler timeouts: each action, the event with its stack, the slow-handler hook, all in virtual time. */
class HandlerTimeoutTest {

    sealed interface Work permits Slow, Quick, Nap {}

    /** Takes {@code millis} of (virtual) time, then replies. */
    record Slow(long millis, ReplyTo<String> replyTo) implements Work {}

    record Quick(ReplyTo<String> replyTo) implements Work {}

    /** A cast that takes {@code millis}. */
    record Nap(long millis) implements Work {}

    static Behavior<Work> worker(List<String> log) {
        return (ctx, msg) -> {
            switch (msg) {
                case Slow(long millis, ReplyTo<String> replyTo) -> {
                    Task.sleep(Duration.ofMillis(millis));
                    log.add("slow done");
                    replyTo.reply("slow");
                }
                case Quick(ReplyTo<String> replyTo) -> replyTo.reply("quick");
                case Nap(long millis) -> Task.sleep(Duration.ofMillis(millis));
            }
            return Behaviors.same();
        };
    }

    static ActorSystem system(Simulation sim, List<SchedulingEvent> events) {
        return sim.newSystem(ActorSystemConfig.defaults("timeouts").parallelism(2).schedulingListener(events::add));
    }

    @SimulationTest(seeds = 30)
    void warnReportsTheHandlerAndLetsItFinish(Simulation sim) {
        List<SchedulingEvent> events = new CopyOnWriteArrayList<>();
        List<SlowHandler> slow = new CopyOnWriteArrayList<>();
        List<String> log = new CopyOnWriteArrayList<>();
        ActorSystem system = system(sim, events);
        ActorRef<Work> actor = system.spawn(worker(log), SpawnOptions.named("reporter").scheduling(Scheduling.defaults()
                .handlerTimeout(Duration.ofMillis(100), TimeoutAction.WARN).onSlowHandler(slow::add)));

        assertEquals("slow", actor.<String>call(r -> new Slow(300, r)));
        assertEquals(Duration.ofMillis(300), sim.elapsed());
        assertEquals(List.of("slow done"), log);

        HandlerTimedOut event = assertInstanceOf(HandlerTimedOut.class, events.getFirst());
        assertEquals(1, events.size());
        assertEquals(actor.pid(), event.actor());
        assertSame(HandlerKind.CALL, event.kind());
        assertSame(Slow.class, event.messageType());
        assertSame(TimeoutAction.WARN, event.action());
        assertTrue(event.stack().stream().anyMatch(f -> f.getMethodName().equals("sleep")
                && f.getClassName().equals(Task.class.getName())), "the stack shows where the handler was: " + event);
        assertTrue(event.toString().contains("still running after its timeout of 100 ms"), event.toString());

        SlowHandler hook = slow.getFirst();
        assertEquals(new SlowHandler(actor.pid(), HandlerKind.CALL, Slow.class, Duration.ofMillis(300),
                Duration.ofMillis(100), TimeoutAction.WARN), hook);
        assertEquals("quick", actor.call(Quick::new), "a quick handler is not reported");
        assertEquals(1, slow.size());
        assertEquals(1, events.size());
    }

    @SimulationTest(seeds = 30)
    void cancelInterruptsTheHandlerSkipsTheMessageAndKeepsTheActor(Simulation sim) {
        List<SchedulingEvent> events = new CopyOnWriteArrayList<>();
        List<String> log = new CopyOnWriteArrayList<>();
        ActorSystem system = system(sim, events);
        ActorRef<Work> actor = system.spawn(worker(log), SpawnOptions.named("canceller").scheduling(Scheduling
                .defaults().handlerTimeout(Duration.ofMillis(100), TimeoutAction.CANCEL)));

        CallFailedException e = assertThrows(CallFailedException.class, () -> actor.<String>call(r -> new Slow(10_000, r)));
        assertEquals(Duration.ofMillis(100), sim.elapsed(), "cancelled at the timeout, not after the sleep");
        HandlerTimeoutException cause = assertInstanceOf(HandlerTimeoutException.class, e.getCause());
        assertEquals(Duration.ofMillis(100), cause.timeout());
        assertSame(Slow.class, cause.messageType());
        assertTrue(e.getMessage().contains("overran its handler timeout of 100 ms and was cancelled"), e.getMessage());
        assertEquals(List.of(), log, "the handler did not run on");

        DeadLetter letter = system.deadLetters().recent().getLast();
        assertSame(DeadLetter.Reason.HANDLER_TIMED_OUT, letter.reason());
        assertInstanceOf(Slow.class, letter.message());

        assertTrue(actor.isAlive());
        assertEquals("quick", actor.call(Quick::new), "the actor carries on with the next message");
        assertEquals("slow", actor.<String>call(r -> new Slow(50, r)), "and a handler within its timeout completes");
    }

    /**
     * Under CANCEL the timeout is also the handler's deadline: its scope shows the time left, and its own calls give
     * up when it passes (by the deadline or by the interrupt, whichever the seed runs first at that instant).
     */
    @SimulationTest(seeds = 30)
    void cancelBoundsTheHandlersOwnCalls(Simulation sim) {
        List<SchedulingEvent> events = new CopyOnWriteArrayList<>();
        ActorSystem system = system(sim, events);
        ActorRef<Work> silent = system.spawn((ctx, m) -> Behaviors.same(), SpawnOptions.named("silent"));
        List<String> seen = new CopyOnWriteArrayList<>();
        ActorRef<Work> caller = system.spawn((ctx, msg) -> {
            if (msg instanceof Quick(ReplyTo<String> replyTo)) {
                seen.add("time left " + CancellationScope.current().remaining().orElseThrow().toMillis() + " ms");
                try {
                    silent.call(Quick::new, Duration.ofMinutes(1));
                } catch (RuntimeException inner) {
                    seen.add("inner call failed at " + sim.elapsed().toMillis() + " ms");
                    throw inner;
                }
            }
            return Behaviors.same();
        }, SpawnOptions.named("caller").scheduling(Scheduling.defaults()
                .handlerTimeout(Duration.ofMillis(200), TimeoutAction.CANCEL)));
        CallFailedException e = assertThrows(CallFailedException.class, () -> caller.call(Quick::new));
        assertInstanceOf(HandlerTimeoutException.class, e.getCause());
        assertEquals(Duration.ofMillis(200), sim.elapsed());
        assertEquals(List.of("time left 200 ms", "inner call failed at 200 ms"), seen);
        assertTrue(caller.isAlive());
    }

    @SimulationTest(seeds = 30)
    void stopEndsTheActorWithTheTimeoutAsCause(Simulation sim) {
        List<SchedulingEvent> events = new CopyOnWriteArrayList<>();
        ActorSystem system = system(sim, events);
        ActorRef<Work> actor = system.spawn(worker(new CopyOnWriteArrayList<>()), SpawnOptions.named("stopper")
                .scheduling(Scheduling.defaults().handlerTimeout(Duration.ofMillis(100), TimeoutAction.STOP)));
        actor.cast(new Nap(10_000));
        ExitReason reason = actor.termination().join();
        assertEquals(Duration.ofMillis(100), sim.elapsed());
        ExitReason.Error error = assertInstanceOf(ExitReason.Error.class, reason);
        HandlerTimeoutException cause = assertInstanceOf(HandlerTimeoutException.class, error.cause());
        assertTrue(cause.getMessage().contains("was stopped with the actor"), cause.getMessage());
        assertSame(TimeoutAction.STOP, ((HandlerTimedOut) events.getFirst()).action());
        assertSame(HandlerKind.CAST, ((HandlerTimedOut) events.getFirst()).kind());
    }

    /** The point of STOP: the supervisor restarts the actor with fresh state. */
    @SimulationTest(seeds = 30)
    void aSupervisorRestartsAnActorStoppedForOverrunning(Simulation sim) {
        ActorSystem system = system(sim, new CopyOnWriteArrayList<>());
        AtomicInteger starts = new AtomicInteger();
        SpawnOptions options = SpawnOptions.named("worker").scheduling(Scheduling.defaults()
                .handlerTimeout(Duration.ofMillis(100), TimeoutAction.STOP));
        ChildSpec<Work> spec = ChildSpec.worker("worker", () -> Behaviors.<Work>setup(ctx -> {
            starts.incrementAndGet();
            return worker(new CopyOnWriteArrayList<>());
        })).options(options);
        Supervisor supervisor = Supervisor.start(system, SupervisorSpec.oneForOne().child(spec));
        ActorRef<Work> first = supervisor.child(spec).orElseThrow();
        assertThrows(CallFailedException.class, () -> first.<String>call(r -> new Slow(10_000, r)));
        sim.runUntilIdle();
        assertEquals(2, starts.get(), "restarted once");
        ActorRef<Work> second = supervisor.child(spec).orElseThrow();
        assertTrue(second.isAlive());
        assertEquals("quick", second.call(Quick::new));
    }

    @SimulationTest(seeds = 20)
    void anInitThatOverrunsUnderCancelFailsTheStart(Simulation sim) {
        ActorSystem system = system(sim, new CopyOnWriteArrayList<>());
        var e = assertThrows(io.heddle.ActorStartException.class, () -> system.start(Behaviors.<Work>setup(ctx -> {
            Task.sleep(Duration.ofSeconds(10));
            return worker(List.of());
        }), SpawnOptions.named("slow-start").scheduling(Scheduling.defaults()
                .handlerTimeout(Duration.ofMillis(100), TimeoutAction.CANCEL))));
        assertInstanceOf(HandlerTimeoutException.class, e.getCause());
        assertTrue(e.getCause().getMessage().startsWith("init of slow-start"), e.getCause().getMessage());
        assertEquals(Duration.ofMillis(100), sim.elapsed());
    }
}
