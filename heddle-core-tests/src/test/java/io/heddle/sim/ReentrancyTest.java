package io.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorStoppedException;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.CallDeadlockException;
import io.heddle.CallFailedException;
import io.heddle.CallTimeoutException;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.scheduling.CallChain;
import io.heddle.scheduling.Reentrancy;
import io.heddle.scheduling.Scheduling;
import io.heddle.task.Task;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A calls B calls A, under each reentrancy mode; call chains; deadlock diagnosis. */
class ReentrancyTest {

    sealed interface Msg permits Start, Callback, Note, Peek {}

    /** To A: call B, return what B answered. */
    record Start(ReplyTo<String> replyTo) implements Msg {}

    /** To either: answer, calling the other one first if it is B. */
    record Callback(ReplyTo<String> replyTo) implements Msg {}

    /** A cast that only logs. */
    record Note(String text) implements Msg {}

    /** A call that answers with the log's size and the current chain. */
    record Peek(ReplyTo<String> replyTo) implements Msg {}

    /** A: on Start, calls B with Callback; on Callback (from B), answers "a". */
    static Behavior<Msg> a(AtomicReference<ActorRef<Msg>> b, List<String> log) {
        return (ctx, msg) -> {
            switch (msg) {
                case Start(ReplyTo<String> replyTo) -> {
                    log.add("a: start");
                    String answer = b.get().call(Callback::new, Duration.ofSeconds(1));
                    log.add("a: got " + answer);
                    replyTo.reply(answer);
                }
                case Callback(ReplyTo<String> replyTo) -> {
                    log.add("a: callback in " + CallChain.current().orElseThrow());
                    replyTo.reply("a");
                }
                case Note(String text) -> log.add("a: note " + text);
                case Peek(ReplyTo<String> replyTo) -> replyTo.reply("peek");
            }
            return Behaviors.same();
        };
    }

    /** B: on Callback, calls A back with Callback, and answers "b+" what A said. */
    static Behavior<Msg> b(ActorRef<Msg> a, List<String> log) {
        return (ctx, msg) -> {
            if (msg instanceof Callback(ReplyTo<String> replyTo)) {
                try {
                    replyTo.reply("b+" + a.call(Callback::new, Duration.ofSeconds(1)));
                } catch (CallFailedException e) {
                    log.add("b: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                    throw e;
                }
            }
            return Behaviors.same();
        };
    }

    record Pair(ActorRef<Msg> a, ActorRef<Msg> b) {}

    static Pair pair(ActorSystem system, Reentrancy mode, List<String> log) {
        AtomicReference<ActorRef<Msg>> bRef = new AtomicReference<>();
        ActorRef<Msg> a = system.spawn(a(bRef, log), SpawnOptions.named("a")
                .scheduling(Scheduling.defaults().reentrancy(mode)));
        ActorRef<Msg> b = system.spawn(b(a, log), SpawnOptions.named("b"));
        bRef.set(b);
        return new Pair(a, b);
    }

    @SimulationTest(seeds = 50)
    void withoutReentrancyTheCallBackFailsAtOnceAndPrintsTheCycle(Simulation sim) {
        ActorSystem system = sim.newSystem("none");
        List<String> log = new CopyOnWriteArrayList<>();
        Pair p = pair(system, Reentrancy.NONE, log);
        CallFailedException e = assertThrows(CallFailedException.class, () -> p.a().call(Start::new));
        assertEquals(Duration.ZERO, sim.elapsed(), "diagnosed at once, not after a timeout");
        String bSaw = log.stream().filter(l -> l.startsWith("b: ")).findFirst().orElseThrow();
        assertTrue(bSaw.startsWith("b: CallDeadlockException: call from b<0."), bSaw);
        String cycle = p.b() + " -> " + p.a() + " -> " + p.b();
        assertTrue(bSaw.contains("The actors wait on each other in a cycle: " + cycle), bSaw);
        // A's call fails because its call to B failed, because B's handler threw: the cycle is in the causes.
        CallDeadlockException cause = causeOf(e, CallDeadlockException.class);
        assertEquals(List.of(p.b().pid(), p.a().pid(), p.b().pid()), cause.cycle());
    }

    @SimulationTest(seeds = 50)
    void fullReentrancyLetsTheCallBackIn(Simulation sim) {
        ActorSystem system = sim.newSystem("full");
        List<String> log = new CopyOnWriteArrayList<>();
        Pair p = pair(system, Reentrancy.FULL, log);
        assertEquals("b+a", p.a().call(Start::new));
        assertEquals(Duration.ZERO, sim.elapsed());
        assertEquals("a: start", log.getFirst());
        assertTrue(log.get(1).startsWith("a: callback in chain#"), log.toString());
        assertEquals("a: got b+a", log.getLast());
    }

    @SimulationTest(seeds = 50)
    void callChainReentrancyLetsTheCallBackIn(Simulation sim) {
        ActorSystem system = sim.newSystem("chain");
        List<String> log = new CopyOnWriteArrayList<>();
        Pair p = pair(system, Reentrancy.CALL_CHAIN, log);
        assertEquals("b+a", p.a().call(Start::new));
        // The call back carries the chain A started: A, then B.
        assertEquals("a: callback in chain#1 " + p.a().pid() + " -> " + p.b().pid(), log.get(1));
    }

    /** While A waits on B: FULL lets an unrelated cast in; CALL_CHAIN keeps it out until A's handler is done. */
    @SimulationTest(seeds = 50)
    void anUnrelatedMessageEntersUnderFullButNotUnderCallChain(Simulation sim) {
        for (Reentrancy mode : List.of(Reentrancy.FULL, Reentrancy.CALL_CHAIN)) {
            ActorSystem system = sim.newSystem(mode.name());
            List<String> log = new CopyOnWriteArrayList<>();
            AtomicReference<ActorRef<Msg>> aRef = new AtomicReference<>();
            // B, before calling back, has an unrelated note sent to A and waits until A is back to waiting.
            ActorRef<Msg> b = system.spawn((ctx, msg) -> {
                if (msg instanceof Callback(ReplyTo<String> replyTo)) {
                    aRef.get().cast(new Note("unrelated"));
                    Task.sleep(Duration.ofMillis(10));
                    replyTo.reply("b+" + aRef.get().call(Callback::new, Duration.ofSeconds(1)));
                }
                return Behaviors.same();
            });
            AtomicReference<ActorRef<Msg>> bRef = new AtomicReference<>(b);
            ActorRef<Msg> a = system.spawn(a(bRef, log), SpawnOptions.named("a")
                    .scheduling(Scheduling.defaults().reentrancy(mode)));
            aRef.set(a);
            assertEquals("b+a", a.call(Start::new));
            sim.runUntilIdle();
            List<String> order = log.stream().map(l -> l.startsWith("a: callback") ? "a: callback" : l).toList();
            if (mode == Reentrancy.FULL) {
                assertEquals(List.of("a: start", "a: note unrelated", "a: callback", "a: got b+a"), order);
            } else {
                assertEquals(List.of("a: start", "a: callback", "a: got b+a", "a: note unrelated"), order);
            }
        }
    }

    /** Three actors in a ring of calls: the cycle printed names all three. */
    @SimulationTest(seeds = 50)
    void aCycleThroughThreeActorsIsPrintedWhole(Simulation sim) {
        ActorSystem system = sim.newSystem("ring");
        List<String> log = new CopyOnWriteArrayList<>();
        @SuppressWarnings("unchecked")
        AtomicReference<ActorRef<Msg>>[] next = new AtomicReference[] {new AtomicReference<>(),
                new AtomicReference<>(), new AtomicReference<>()};
        @SuppressWarnings("unchecked")
        ActorRef<Msg>[] ring = new ActorRef[3];
        for (int i = 0; i < 3; i++) {
            int me = i;
            ring[i] = system.spawn((ctx, msg) -> {
                if (msg instanceof Callback(ReplyTo<String> replyTo)) {
                    try {
                        replyTo.reply(me + next[me].get().<String>call(Callback::new, Duration.ofSeconds(1)));
                    } catch (CallDeadlockException e) {
                        log.add(e.getMessage());
                        replyTo.reply("!");
                    }
                }
                return Behaviors.same();
            }, SpawnOptions.named("r" + i));
        }
        for (int i = 0; i < 3; i++) next[i].set(ring[(i + 1) % 3]);
        assertEquals("01!", ring[0].call(Callback::new), "r2's call back to r0 was refused");
        assertEquals(Duration.ZERO, sim.elapsed());
        String expected = ring[2] + " -> " + ring[0] + " -> " + ring[1] + " -> " + ring[2];
        assertEquals(1, log.size());
        assertTrue(log.getFirst().contains(expected), log.getFirst());
    }

    /** A call made with callAsync and joined cannot be seen coming: the timeout then explains the cycle. */
    @SimulationTest(seeds = 30)
    void aCycleSeenOnlyAtTimeoutIsExplainedInTheTimeout(Simulation sim) {
        ActorSystem system = sim.newSystem("late");
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicReference<ActorRef<Msg>> bRef = new AtomicReference<>();
        ActorRef<Msg> a = system.spawn(a(bRef, log), SpawnOptions.named("a"));
        ActorRef<Msg> b = system.spawn((ctx, msg) -> {
            if (msg instanceof Callback(ReplyTo<String> replyTo)) {
                // The async call is not a wait the runtime knows of, so it cannot refuse it.
                replyTo.reply(a.<String>callAsync(Callback::new, Duration.ofMillis(500)).join());
            }
            return Behaviors.same();
        }, SpawnOptions.named("b"));
        bRef.set(b);
        CallFailedException e = assertThrows(CallFailedException.class, () -> a.call(Start::new));
        CallTimeoutException timeout = causeOf(e, CallTimeoutException.class);
        assertTrue(timeout.getMessage().contains("Meanwhile " + a + " is itself waiting on a reply from " + b),
                timeout.getMessage());
        assertEquals(Duration.ofMillis(500), timeout.elapsed());
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        throw new AssertionError("no " + type.getSimpleName() + " among the causes of " + e, e);
    }

    /** Each handler sees the chain of the call it answers: who called, in order, under one id. */
    @SimulationTest(seeds = 30)
    void theChainTravelsWithEachCall(Simulation sim) {
        ActorSystem system = sim.newSystem("chains");
        List<CallChain> seen = new CopyOnWriteArrayList<>();
        ActorRef<Msg> c = system.spawn((ctx, msg) -> {
            if (msg instanceof Peek(ReplyTo<String> replyTo)) {
                seen.add(CallChain.current().orElseThrow());
                replyTo.reply("c");
            }
            return Behaviors.same();
        }, SpawnOptions.named("c"));
        ActorRef<Msg> b = system.spawn((ctx, msg) -> {
            if (msg instanceof Peek(ReplyTo<String> replyTo)) {
                seen.add(CallChain.current().orElseThrow());
                replyTo.reply("b" + c.<String>call(Peek::new));
            }
            return Behaviors.same();
        }, SpawnOptions.named("b"));
        ActorRef<Msg> a = system.spawn((ctx, msg) -> {
            switch (msg) {
                case Peek(ReplyTo<String> replyTo) -> {
                    seen.add(CallChain.current().orElse(null));
                    replyTo.reply("a" + b.<String>call(Peek::new));
                }
                case Note(String text) -> seen.add(CallChain.current().orElse(null));
                default -> { }
            }
            return Behaviors.same();
        }, SpawnOptions.named("a"));
        assertEquals("abc", a.call(Peek::new));
        a.cast(new Note("cast"));
        sim.runUntilIdle();
        assertEquals(null, seen.get(0), "a call from outside actors carries no chain");
        assertEquals(List.of(a.pid()), seen.get(1).callers());
        assertEquals(List.of(a.pid(), b.pid()), seen.get(2).callers());
        assertEquals(seen.get(1).id(), seen.get(2).id(), "one chain, one id");
        assertEquals(null, seen.get(3), "a cast carries no chain");
        assertTrue(CallChain.current().isEmpty());
    }

    @SimulationTest(seeds = 30)
    void aReentrantActorMayCallItself(Simulation sim) {
        ActorSystem system = sim.newSystem("self");
        ActorRef<Msg> self = system.spawn((ctx, msg) -> {
            switch (msg) {
                case Start(ReplyTo<String> replyTo) -> replyTo.reply("outer+" + ctx.self().<String>call(Peek::new));
                case Peek(ReplyTo<String> replyTo) -> replyTo.reply("inner");
                default -> { }
            }
            return Behaviors.same();
        }, SpawnOptions.named("selfish").scheduling(Scheduling.defaults().reentrancy(Reentrancy.CALL_CHAIN)));
        assertEquals("outer+inner", self.call(Start::new));
    }

    @SimulationTest(seeds = 30)
    void aNonReentrantSelfCallFailsWithAnExplanation(Simulation sim) {
        ActorSystem system = sim.newSystem("self");
        AtomicReference<String> error = new AtomicReference<>();
        ActorRef<Msg> self = system.spawn((ctx, msg) -> {
            if (msg instanceof Start(ReplyTo<String> replyTo)) {
                try {
                    ctx.self().<String>call(Peek::new);
                } catch (IllegalStateException e) {
                    error.set(e.getMessage());
                }
                replyTo.reply("done");
            }
            return Behaviors.same();
        });
        assertEquals("done", self.call(Start::new));
        assertTrue(error.get().contains("called itself") && error.get().contains("Reentrancy.FULL"), error.get());
    }

    /** The actor stops while a handler waits: that handler's caller learns the actor stopped; nothing is left. */
    @SimulationTest(seeds = 50)
    void stoppingAnActorWithASuspendedHandlerFailsItsCall(Simulation sim) {
        ActorSystem system = sim.newSystem("stop");
        ActorRef<Msg> slow = system.spawn((ctx, msg) -> {
            if (msg instanceof Callback(ReplyTo<String> replyTo)) {
                Task.sleep(Duration.ofSeconds(10));
                replyTo.reply("late");
            }
            return Behaviors.same();
        });
        List<String> log = new CopyOnWriteArrayList<>();
        ActorRef<Msg> a = system.spawn(a(new AtomicReference<>(slow), log), SpawnOptions.named("a")
                .scheduling(Scheduling.defaults().reentrancy(Reentrancy.FULL)));
        var reply = a.<String>callAsync(Start::new, Duration.ofMinutes(1));
        sim.advance(Duration.ofMillis(5));
        assertEquals("peek", a.call(Peek::new), "while Start waits, others get in");
        a.stop();
        assertEquals(io.heddle.ExitReason.SHUTDOWN, a.termination().join());
        var e = assertThrows(java.util.concurrent.CompletionException.class, reply::join);
        assertInstanceOf(ActorStoppedException.class, e.getCause());
        assertEquals(List.of("a: start"), log, "the suspended handler did not run on after the stop");
        sim.runUntilIdle();
    }

    @SimulationTest(seeds = 30)
    void fullReentrancyInterleavesAtTaskSleepToo(Simulation sim) {
        ActorSystem system = sim.newSystem("sleep");
        List<String> log = new CopyOnWriteArrayList<>();
        ActorRef<Msg> actor = system.spawn((ctx, msg) -> {
            switch (msg) {
                case Note(String text) -> {
                    log.add("begin " + text);
                    Task.sleep(Duration.ofMillis(100));
                    log.add("end " + text);
                }
                default -> { }
            }
            return Behaviors.same();
        }, SpawnOptions.named("sleeper").scheduling(Scheduling.defaults().reentrancy(Reentrancy.FULL)));
        actor.cast(new Note("1"));
        actor.cast(new Note("2"));
        sim.runUntilIdle();
        sim.advance(Duration.ofMillis(100));
        sim.runUntilIdle();
        assertEquals(List.of("begin 1", "begin 2", "end 1", "end 2"), log);
        assertEquals(Duration.ofMillis(100), sim.elapsed(), "the two sleeps overlapped");
    }
}
