package io.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behaviors;
import io.heddle.CallTimeoutException;
import io.heddle.ExitReason;
import io.heddle.ReplyTo;
import io.heddle.task.CancellationScope;
import io.heddle.task.CancelledException;
import io.heddle.task.Outcome;
import io.heddle.task.Task;
import io.heddle.task.TaskGroup;
import io.heddle.task.YieldBudget;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Level-triggered cancellation, shields, deadlines through nested calls, and tasks as actors. */
class CancellationScopeTest {

    @SimulationTest(seeds = 30)
    void cancellationIsLevelTriggeredEveryCheckpointRaises(Simulation sim) {
        sim.newSystem("scopes");
        CancellationScope.open(scope -> {
            scope.checkpoint();
            scope.cancel("enough");
            assertTrue(scope.isCancelled());
            for (int i = 0; i < 3; i++) {
                CancelledException e = assertThrows(CancelledException.class, scope::checkpoint);
                assertEquals("enough", e.getMessage());
            }
            return null;
        });
    }

    /** A shielded cleanup finishes even though the task is cancelled during it; the next checkpoint raises. */
    @SimulationTest(seeds = 50)
    void aShieldProtectsCleanupFromCancellation(Simulation sim) {
        ActorSystem system = sim.newSystem("scopes");
        List<String> log = new CopyOnWriteArrayList<>();
        Task<String> task = Task.spawn(system, () -> {
            CancellationScope scope = CancellationScope.current();
            scope.shield(s -> {
                Task.sleep(Duration.ofMillis(50));        // not interrupted by the cancel at 10 ms
                log.add("cleanup done at " + sim.elapsed().toMillis());
                s.checkpoint();                           // shielded: does not raise
                return null;
            });
            log.add("after the shield");
            scope.checkpoint();                           // raises now
            return "unreachable";
        });
        sim.schedule(Duration.ofMillis(10), task::cancel);
        CancelledException e = assertThrows(CancelledException.class, task::join);
        assertTrue(e.getMessage().contains("was cancelled"), e.getMessage());
        assertEquals(List.of("cleanup done at 50", "after the shield"), log);
        assertInstanceOf(Outcome.Cancelled.class, task.outcome().orElseThrow());
    }

    @SimulationTest(seeds = 30)
    void cancellingAnOuterScopeCancelsTheTasksInsideAndInterruptsThem(Simulation sim) {
        ActorSystem system = sim.newSystem("scopes");
        List<Task<String>> tasks = new ArrayList<>();
        CancelledException e = assertThrows(CancelledException.class, () -> CancellationScope.open(outer -> {
            try (TaskGroup<String> group = TaskGroup.open(system)) {
                tasks.add(group.spawn(() -> {
                    Task.sleep(Duration.ofHours(1));
                    return "never";
                }));
                sim.schedule(Duration.ofSeconds(1), () -> outer.cancel("shutting down"));
                return group.join();
            }
        }));
        assertTrue(e.getMessage().contains("shutting down"), e.getMessage());
        assertEquals(Duration.ofSeconds(1), sim.elapsed());
        assertInstanceOf(Outcome.Cancelled.class, tasks.getFirst().outcome().orElseThrow());
    }

    sealed interface ChainMsg permits Ask, Report {}

    record Ask(ReplyTo<String> replyTo) implements ChainMsg {}

    record Report(String line) implements ChainMsg {}

    /** A link of a chain: calls the next actor (default timeout), or never replies if last; reports what it saw. */
    static io.heddle.Behavior<ChainMsg> link(Simulation sim, ActorRef<ChainMsg> next, List<String> seen, String name) {
        return (ctx, msg) -> {
            if (msg instanceof Ask(ReplyTo<String> replyTo)) {
                if (next == null) return Behaviors.same(); // the last link never answers
                try {
                    String answer = next.call(Ask::new);  // no explicit timeout: the inherited deadline bounds it
                    replyTo.reply(answer);
                } catch (CallTimeoutException e) {
                    seen.add(name + " timed out at " + sim.elapsed().toMillis() + " ms: "
                            + (e.getMessage().contains("deadline of the enclosing CancellationScope") ? "deadline"
                            : "own timeout"));
                    replyTo.fail(e);
                }
            }
            return Behaviors.same();
        };
    }

    /** The test: a deadline set on a scope bounds calls three deep, all at the same virtual instant. */
    @SimulationTest(seeds = 50)
    void aDeadlineFlowsThroughCallsThreeDeep(Simulation sim) {
        ActorSystem system = sim.newSystem("deadlines");
        List<String> seen = new CopyOnWriteArrayList<>();
        ActorRef<ChainMsg> c = system.spawn(link(sim, null, seen, "c"));
        ActorRef<ChainMsg> b = system.spawn(link(sim, c, seen, "b"));
        ActorRef<ChainMsg> a = system.spawn(link(sim, b, seen, "a"));
        CallTimeoutException e = assertThrows(CallTimeoutException.class,
                () -> CancellationScope.withDeadline(system, Duration.ofMillis(100), scope -> a.call(Ask::new)));
        assertTrue(e.getMessage().contains("deadline of the enclosing CancellationScope"), e.getMessage());
        assertEquals(Duration.ofMillis(100), sim.elapsed());
        sim.runUntilIdle(); // the inner calls time out at the same instant: their timers are due now, and fire
        assertEquals(List.of("a timed out at 100 ms: deadline", "b timed out at 100 ms: deadline"),
                seen.stream().sorted().toList());
    }

    /** Without a deadline, the default call timeout (5 s) applies at every level. */
    @SimulationTest(seeds = 10)
    void withoutADeadlineEachCallHasItsOwnTimeout(Simulation sim) {
        ActorSystem system = sim.newSystem("deadlines");
        List<String> seen = new CopyOnWriteArrayList<>();
        ActorRef<ChainMsg> b = system.spawn(link(sim, null, seen, "b"));
        ActorRef<ChainMsg> a = system.spawn(link(sim, b, seen, "a"));
        io.heddle.CallFailedException e = assertThrows(io.heddle.CallFailedException.class,
                () -> a.call(Ask::new, Duration.ofMinutes(1)));
        assertInstanceOf(CallTimeoutException.class, e.getCause(), "a relayed its own call's timeout");
        assertEquals(List.of("a timed out at 5000 ms: own timeout"), seen);
    }

    /** When the caller gives up, the handler's scope reads as cancelled: it can stop working for nobody. */
    @SimulationTest(seeds = 30)
    void aCalleeSeesItsCallerGiveUp(Simulation sim) {
        ActorSystem system = sim.newSystem("abandon");
        List<String> seen = new CopyOnWriteArrayList<>();
        ActorRef<Ask> worker = system.spawn((ctx, ask) -> {
            CancellationScope scope = CancellationScope.current();
            seen.add("cancelled at start: " + scope.isCancelled());
            YieldBudget budget = YieldBudget.every(1);
            try {
                for (int step = 0; step < 1_000; step++) {
                    Task.sleep(Duration.ofMillis(10));
                    budget.tick();
                }
                ask.replyTo().reply("done");
            } catch (CancelledException e) {
                seen.add("stopped at " + sim.elapsed().toMillis() + " ms: " + e.getMessage());
            }
            return Behaviors.same();
        });
        CancellationScope.withDeadline(system, Duration.ofSeconds(30), scope -> {
            assertThrows(CallTimeoutException.class, () -> worker.call(Ask::new, Duration.ofMillis(95)));
            return null;
        });
        sim.advance(Duration.ofSeconds(1));
        assertEquals(List.of("cancelled at start: false",
                "stopped at 100 ms: the caller gave up waiting for the reply"), seen);
    }

    @SimulationTest(seeds = 30)
    void aCallInACancelledScopeFailsAtOnce(Simulation sim) {
        ActorSystem system = sim.newSystem("scopes");
        ActorRef<Ask> echo = system.spawn((ctx, ask) -> {
            ask.replyTo().reply("pong");
            return Behaviors.same();
        });
        CancellationScope.open(scope -> {
            scope.cancel("stop now");
            CancelledException e = assertThrows(CancelledException.class, () -> echo.call(Ask::new));
            assertTrue(e.getMessage().contains("not made: its CancellationScope is cancelled (stop now)"),
                    e.getMessage());
            return null;
        });
    }

    sealed interface OwnerMsg permits Work, Ping {}

    record Work(boolean linked) implements OwnerMsg {}

    record Ping(ReplyTo<String> replyTo) implements OwnerMsg {}

    /** Tasks opened in an actor are its children: when it stops, they are cancelled. */
    @SimulationTest(seeds = 30)
    void anActorsTasksAreCancelledWhenItStops(Simulation sim) {
        ActorSystem system = sim.newSystem("owners");
        List<Task<String>> tasks = new CopyOnWriteArrayList<>();
        ActorRef<OwnerMsg> owner = system.spawn((ctx, msg) -> {
            if (msg instanceof Work) {
                tasks.add(Task.spawn(ctx.system(), () -> {
                    Task.sleep(Duration.ofHours(1));
                    return "never";
                }));
            }
            return Behaviors.same();
        });
        owner.cast(new Work(false));
        sim.advance(Duration.ofSeconds(1));
        assertEquals(1, tasks.size());
        assertTrue(tasks.getFirst().ref().isAlive(), "the task runs as the actor's child");
        owner.stop();
        assertEquals(ExitReason.SHUTDOWN, owner.termination().join());
        assertInstanceOf(Outcome.Cancelled.class, tasks.getFirst().outcome().orElseThrow());
        assertTrue(sim.elapsed().toMinutes() < 1, "the stop did not wait for the task's hour");
    }

    /** A linked task's failure stops the actor, as a linked actor's would. */
    @SimulationTest(seeds = 30)
    void aLinkedTasksFailureStopsItsActor(Simulation sim) {
        ActorSystem system = sim.newSystem("owners");
        ActorRef<OwnerMsg> owner = system.spawn((ctx, msg) -> {
            if (msg instanceof Work) {
                TaskGroup<String> group = TaskGroup.open();
                group.spawnLinked(() -> {
                    throw new IllegalStateException("task failed");
                });
                // not joined: the link reports the failure
            }
            return Behaviors.same();
        });
        owner.cast(new Work(true));
        ExitReason reason = owner.termination().join();
        ExitReason.Linked linked = assertInstanceOf(ExitReason.Linked.class, reason);
        assertEquals("task failed", assertInstanceOf(ExitReason.Error.class, linked.reason()).cause().getMessage());
    }

    /** Joining in a handler blocks only that actor: another actor answers meanwhile. */
    @SimulationTest(seeds = 30)
    void joiningInAHandlerBlocksOnlyThatActor(Simulation sim) {
        ActorSystem system = sim.newSystem("owners");
        List<String> order = new CopyOnWriteArrayList<>();
        ActorRef<OwnerMsg> joiner = system.spawn((ctx, msg) -> {
            if (msg instanceof Work) {
                try (TaskGroup<String> group = TaskGroup.open()) {
                    group.spawn(() -> {
                        Task.sleep(Duration.ofSeconds(1));
                        return "slow";
                    });
                    order.add("joined " + group.join());
                }
            }
            return Behaviors.same();
        });
        ActorRef<OwnerMsg> other = system.spawn((ctx, msg) -> {
            if (msg instanceof Ping(ReplyTo<String> replyTo)) replyTo.reply("pong");
            return Behaviors.same();
        });
        joiner.cast(new Work(false));
        sim.runUntilIdle();
        String pong = other.call(Ping::new);
        order.add(pong + " at " + sim.elapsed().toMillis());
        sim.advance(Duration.ofSeconds(2));
        assertEquals(List.of("pong at 0", "joined [slow]"), order);
    }

    @SimulationTest(seeds = 10)
    void aDetachedTaskOutlivesItsSpawner(Simulation sim) {
        ActorSystem system = sim.newSystem("detached");
        List<String> ran = new CopyOnWriteArrayList<>();
        ActorRef<OwnerMsg> spawner = system.spawn((ctx, msg) -> {
            Task.spawnDetached(ctx.system(), () -> {
                Task.sleep(Duration.ofSeconds(5));
                ran.add("finished at " + sim.elapsed().toSeconds() + " s");
                return null;
            });
            return Behaviors.stopped();
        });
        spawner.cast(new Work(false));
        sim.advance(Duration.ofSeconds(10));
        assertFalse(spawner.isAlive());
        assertEquals(List.of("finished at 5 s"), ran);
    }

    @SimulationTest(seeds = 10)
    void withDeadlineOutsideAnActorNeedsTheSystem(Simulation sim) {
        sim.newSystem("x");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CancellationScope.withDeadline(Duration.ofSeconds(1), s -> null));
        assertTrue(e.getMessage().contains("withDeadline(system, timeout, body)"), e.getMessage());
    }

    /** A handler that stops because its caller gave up (Task.sleep raised) does not crash its actor. */
    @SimulationTest(seeds = 30)
    void aHandlerCancelledForAnAbandonedCallLeavesTheActorRunning(Simulation sim) {
        ActorSystem system = sim.newSystem("abandon");
        ActorRef<Ask> slow = system.spawn((ctx, ask) -> {
            Task.sleep(Duration.ofSeconds(10)); // raises CancelledException once the caller gives up
            ask.replyTo().reply("late");
            return Behaviors.same();
        });
        CancellationScope.withDeadline(system, Duration.ofMillis(100), scope -> {
            assertThrows(CallTimeoutException.class, () -> slow.call(Ask::new));
            return null;
        });
        sim.advance(Duration.ofSeconds(1));
        assertTrue(slow.isAlive(), "the actor survived its handler's cancellation");
        assertTrue(system.deadLetters().recent().isEmpty(), "nothing undelivered: " + system.deadLetters().recent());
    }
}
