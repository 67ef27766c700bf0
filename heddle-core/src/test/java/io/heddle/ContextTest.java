package io.heddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
class ContextTest {

    // ---------------------------------------------------------------- timers
    // (Timer and timeout behaviour in time is tested under simulation, in heddle-core-tests.)

    @Test
    void timerArgumentsAreChecked() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        try (ActorSystem system = ActorSystem.create("timers")) {
            ActorRef<String> ref = system.spawn((ctx, m) -> {
                try {
                    ctx.sendInterval("x", Duration.ZERO);
                } catch (IllegalArgumentException e) {
                    failure.complete(e);
                }
                return Behaviors.same();
            });
            ref.cast("go");
            assertTrue(failure.get(10, TimeUnit.SECONDS).getMessage().contains("interval must be positive"));
        }
    }

    // ---------------------------------------------------------------- stash

    sealed interface Door permits Open, Knock, Log {}

    record Open() implements Door {}

    record Knock(int n) implements Door {}

    record Log(ReplyTo<List<Integer>> replyTo) implements Door {}

    /** Stashes knocks while closed; once open, handles them in their original order. */
    static Behavior<Door> closedDoor(List<Integer> log) {
        return (ctx, msg) -> switch (msg) {
            case Knock k -> {
                ctx.stash();
                yield Behaviors.same();
            }
            case Open o -> {
                assertEquals(3, ctx.stashSize());
                ctx.unstashAll();
                yield openDoor(log);
            }
            case Log(ReplyTo<List<Integer>> replyTo) -> {
                replyTo.reply(List.copyOf(log));
                yield Behaviors.same();
            }
        };
    }

    static Behavior<Door> openDoor(List<Integer> log) {
        return (ctx, msg) -> {
            switch (msg) {
                case Knock(int n) -> log.add(n);
                case Open o -> { }
                case Log(ReplyTo<List<Integer>> replyTo) -> replyTo.reply(List.copyOf(log));
            }
            return Behaviors.same();
        };
    }

    @Test
    void unstashedMessagesComeBackFirstInTheirOrder() {
        try (ActorSystem system = ActorSystem.create("stash")) {
            ActorRef<Door> door = system.spawn(closedDoor(new ArrayList<>()));
            door.cast(new Knock(1));
            door.cast(new Knock(2));
            door.cast(new Knock(3));
            door.cast(new Open());
            door.cast(new Knock(4));
            assertEquals(List.of(1, 2, 3, 4), door.call(Log::new));
        }
    }

    @Test
    void stashedMessagesOfAStoppedActorAreDeadLetters() throws Exception {
        try (ActorSystem system = ActorSystem.create("stash")) {
            ActorRef<Door> door = system.spawn(closedDoor(new ArrayList<>()));
            door.cast(new Knock(1));
            door.cast(new Knock(2));
            door.call(Log::new);
            door.stop();
            door.termination().get(10, TimeUnit.SECONDS);
            List<Object> letters = system.deadLetters().recent().stream().map(DeadLetter::message).toList();
            assertEquals(List.of(new Knock(1), new Knock(2)), letters);
        }
    }

    // ---------------------------------------------------------------- selective receive

    /** Erlang's classic: wait for one reply among other traffic, leaving the rest queued in order. */
    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void selectiveReceiveTakesTheMatchAndKeepsTheRestInOrder(Backend backend) throws Exception {
        List<Object> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch waiting = new CountDownLatch(1);
        record Pong(int id) {}
        try (ActorSystem system = ActorSystem.create("receive")) {
            ActorRef<Object> ref = system.spawn((ctx, m) -> {
                if (m.equals("start")) {
                    waiting.countDown();
                    Optional<Pong> pong = ctx.receive(Pong.class, Duration.ofSeconds(10));
                    order.add("matched " + pong.orElseThrow().id());
                } else {
                    order.add(m);
                    if (m.equals("last")) done.countDown();
                }
                return Behaviors.same();
            }, SpawnOptions.defaults().backend(backend));
            ref.cast("start");
            assertTrue(waiting.await(10, TimeUnit.SECONDS));
            ref.cast("a");
            ref.cast("b");
            ref.cast(new Pong(7));
            ref.cast("last");
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("matched 7", "a", "b", "last"), order);
    }

    /** With one worker, an actor waiting in receive must not hold it: the sender of the awaited message needs it. */
    @Test
    void selectiveReceiveWaitsWithoutHoldingTheOnlyWorker() throws Exception {
        CompletableFuture<Object> got = new CompletableFuture<>();
        try (ActorSystem system = ActorSystem.create(ActorSystemConfig.defaults("receive").parallelism(1))) {
            ActorRef<Object> waiter = system.spawn((ctx, m) -> {
                got.complete(ctx.receive(x -> x.equals("answer"), Duration.ofSeconds(10)).orElse("timeout"));
                return Behaviors.same();
            });
            ActorRef<String> answerer = system.spawn((ctx, m) -> {
                waiter.cast("answer");
                return Behaviors.same();
            });
            waiter.cast("go");
            answerer.cast("please");
            assertEquals("answer", got.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void killInterruptsSelectiveReceive() throws Exception {
        CountDownLatch receiving = new CountDownLatch(1);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        try (ActorSystem system = ActorSystem.create("receive")) {
            ActorRef<Object> ref = system.spawn((ctx, m) -> {
                receiving.countDown();
                try {
                    ctx.receive(x -> false, Duration.ofHours(1));
                } catch (ActorInterruptedException e) {
                    thrown.complete(e);
                    throw e;
                }
                return Behaviors.same();
            });
            ref.cast("go");
            assertTrue(receiving.await(10, TimeUnit.SECONDS));
            ref.kill();
            assertEquals(ExitReason.KILLED, ref.termination().get(10, TimeUnit.SECONDS));
            assertInstanceOf(ActorInterruptedException.class, thrown.get(10, TimeUnit.SECONDS));
        }
    }

    // ---------------------------------------------------------------- children

    @Test
    void childrenStopBeforeTheirParentInReverseOrder() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("children")) {
            ActorRef<String> parent = system.start(Behaviors.<String>setup(ctx -> {
                for (String name : List.of("first", "second", "third")) {
                    ctx.spawn(Behaviors.<String>setup(c -> {
                        c.onTerminate(r -> order.add(name + " " + r));
                        return (cc, m) -> Behaviors.same();
                    }), SpawnOptions.named(name));
                }
                ctx.onTerminate(r -> order.add("parent " + r));
                return (c, m) -> Behaviors.same();
            }));
            parent.stop();
            parent.termination().get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of("third shutdown", "second shutdown", "first shutdown", "parent shutdown"), order);
    }

    @Test
    void aCrashedParentTakesItsChildrenWithIt() throws Exception {
        AtomicReference<ActorRef<String>> child = new AtomicReference<>();
        try (ActorSystem system = ActorSystem.create("children")) {
            ActorRef<String> parent = system.start(Behaviors.<String>setup(ctx -> {
                child.set(ctx.spawn((c, m) -> Behaviors.same()));
                return (c, m) -> {
                    throw new IllegalStateException("parent failed");
                };
            }));
            parent.cast("crash");
            parent.termination().get(10, TimeUnit.SECONDS);
            assertEquals(ExitReason.SHUTDOWN, child.get().termination().get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void onlyChildrenCanBeStoppedThroughTheContext() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        try (ActorSystem system = ActorSystem.create("children")) {
            ActorRef<String> stranger = system.spawn((c, m) -> Behaviors.same());
            ActorRef<String> ref = system.spawn((ctx, m) -> {
                try {
                    ctx.stop(stranger);
                } catch (IllegalArgumentException e) {
                    failure.complete(e);
                }
                return Behaviors.same();
            });
            ref.cast("go");
            assertTrue(failure.get(10, TimeUnit.SECONDS).getMessage().contains("not a child"));
            assertTrue(stranger.isAlive());
        }
    }

    @Test
    void theContextRefusesUseFromAnotherThread() throws Exception {
        CompletableFuture<ActorContext<String>> leaked = new CompletableFuture<>();
        try (ActorSystem system = ActorSystem.create("owner")) {
            ActorRef<String> ref = system.spawn((ctx, m) -> {
                leaked.complete(ctx);
                return Behaviors.same();
            }, SpawnOptions.named("leaky"));
            ref.cast("go");
            ActorContext<String> ctx = leaked.get(10, TimeUnit.SECONDS);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ctx.sendAfter("x", Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("leaky<"), e.getMessage());
            assertTrue(e.getMessage().contains("outside the actor's own handler"), e.getMessage());
            assertEquals(ref, ctx.self(), "self() is thread-safe");
        }
    }

    /** A terminate hook that spawns while the system shuts down gets a clear refusal, not an orphan child. */
    @Test
    void spawningDuringShutdownIsRefused() throws Exception {
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        ActorSystem system = ActorSystem.create("late");
        system.start(Behaviors.<String>setup(ctx -> {
            ctx.onTerminate(reason -> {
                try {
                    ctx.spawn((c, m) -> Behaviors.same());
                    refused.complete(null);
                } catch (RuntimeException e) {
                    refused.complete(e);
                }
            });
            return (c, m) -> Behaviors.same();
        }));
        system.close();
        assertInstanceOf(ActorSystemStoppedException.class, refused.get(10, TimeUnit.SECONDS));
        assertFalse(system.isRunning());
    }
}
