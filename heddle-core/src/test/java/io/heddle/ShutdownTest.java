package io.heddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
class ShutdownTest {

    /** What one terminate hook saw. */
    record Stopped(String name, ExitReason reason) {}

    record Get(ReplyTo<Integer> replyTo) {}

    /**
     * Records its terminate hook in {@code log}; in init, spawns one child per entry of {@code children} (each with its
     * own grandchildren), and counts {@code started} down once its init has run.
     */
    static final class Node extends Actor<Object> {
        private final String name;
        private final List<Node> children;
        private final ConcurrentLinkedQueue<Stopped> log;
        private final CountDownLatch started;

        Node(String name, ConcurrentLinkedQueue<Stopped> log, CountDownLatch started, Node... children) {
            this.name = name;
            this.children = List.of(children);
            this.log = log;
            this.started = started;
        }

        @Override
        protected void init() {
            for (Node child : children) context().spawn(child, SpawnOptions.named(child.name));
            started.countDown();
        }

        @Override
        protected void handle(Object message) {
            if (message instanceof Get(ReplyTo<Integer> replyTo)) replyTo.reply(children.size());
        }

        @Override
        protected void terminate(ExitReason reason) {
            log.add(new Stopped(name, reason));
        }
    }

    private static ExitReason await(ActorRef<?> ref) throws Exception {
        return ref.termination().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shutdownStopsTopLevelActorsInReverseSpawnOrderAndChildrenBeforeTheirParent() throws Exception {
        ConcurrentLinkedQueue<Stopped> log = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(6);
        List<ActorRef<Object>> tops = new ArrayList<>();
        ActorSystem system = ActorSystem.create("shutdown-order");
        try (system) {
            Node a = new Node("A", log, started,
                    new Node("A1", log, started, new Node("A1x", log, started)),
                    new Node("A2", log, started));
            tops.add(system.spawn(a, SpawnOptions.named("A")));
            tops.add(system.spawn(new Node("B", log, started), SpawnOptions.named("B")
                    .backend(Backend.virtualThread())));
            tops.add(system.spawn(new Node("C", log, started), SpawnOptions.named("C")
                    .backend(Backend.platformThread())));
            assertTrue(started.await(10, TimeUnit.SECONDS), "every actor ran init");
            assertEquals(2, tops.getFirst().<Integer>call(Get::new));
            assertTrue(log.isEmpty(), "nothing stops before shutdown: " + log);
        }
        assertFalse(system.isRunning());
        assertTrue(system.termination().isDone(), "close() returns once the system has shut down");
        List<String> order = log.stream().map(Stopped::name).toList();
        assertEquals(List.of("C", "B", "A2", "A1x", "A1", "A"), order,
                "top-level actors stop newest first; each stops its children (newest first) before itself");
        for (Stopped s : log) assertEquals(ExitReason.SHUTDOWN, s.reason(), s.name() + " saw " + s.reason());
        for (ActorRef<Object> top : tops) {
            assertFalse(top.isAlive());
            assertEquals(ExitReason.SHUTDOWN, await(top));
        }
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void anActorStuckInItsHandlerIsKilledAfterThePerActorTimeout(Backend backend) throws Exception {
        ConcurrentLinkedQueue<Stopped> log = new ConcurrentLinkedQueue<>();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        ActorSystem system = ActorSystem.create("shutdown-stuck");
        ActorRef<String> normal;
        ActorRef<String> stuck;
        try (system) {
            normal = system.spawn(Behaviors.<String>setup(ctx -> {
                ctx.onTerminate(r -> log.add(new Stopped("normal", r)));
                return (c, m) -> Behaviors.same();
            }), SpawnOptions.named("normal"));
            stuck = system.spawn(Behaviors.<String>setup(ctx -> {
                ctx.onTerminate(r -> log.add(new Stopped("stuck", r)));
                return (c, m) -> {
                    entered.countDown();
                    never.await(); // released by nobody: only an interrupt gets it out
                    return Behaviors.same();
                };
            }), SpawnOptions.named("stuck").backend(backend));
            stuck.cast("block");
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the handler is running");

            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(
                    () -> system.shutdown(Duration.ofMillis(200)), Thread::startVirtualThread);
            shutdown.get(20, TimeUnit.SECONDS);
        }
        assertEquals(ExitReason.KILLED, await(stuck), "the stuck actor is killed once its timeout passes");
        assertEquals(ExitReason.SHUTDOWN, await(normal), "the shutdown goes on to the next actor");
        assertEquals(List.of(new Stopped("normal", ExitReason.SHUTDOWN)), List.copyOf(log),
                "a killed actor's terminate hooks do not run; the others' do");
        assertFalse(system.isRunning());
        assertTrue(system.termination().isDone());
        assertEquals(1, never.getCount(), "the stuck handler was never released");
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        ConcurrentLinkedQueue<Stopped> log = new ConcurrentLinkedQueue<>();
        ActorSystem system = ActorSystem.create("shutdown-twice");
        ActorRef<Object> ref = system.spawn(new Node("only", log, new CountDownLatch(1)));
        system.close();
        system.close();
        system.shutdown(Duration.ofMillis(10));
        assertFalse(system.isRunning());
        assertTrue(system.termination().isDone());
        assertEquals(ExitReason.SHUTDOWN, await(ref));
        assertEquals(List.of(new Stopped("only", ExitReason.SHUTDOWN)), List.copyOf(log),
                "the actor was stopped exactly once");
    }

    @Test
    void aSecondCloseWaitsForTheFirstToFinish() throws Exception {
        CountDownLatch inHook = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ActorSystem system = ActorSystem.create("shutdown-concurrent");
        try (system) {
            ActorRef<String> slow = system.start(Behaviors.<String>setup(ctx -> {
                ctx.onTerminate(r -> {
                    inHook.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                return (c, m) -> Behaviors.same();
            }));
            Thread first = Thread.ofPlatform().start(system::close);
            assertTrue(inHook.await(10, TimeUnit.SECONDS), "the first close is stopping the actor");

            CompletableFuture<Boolean> secondSawEverythingDone = new CompletableFuture<>();
            Thread second = Thread.ofPlatform().start(() -> {
                system.close();
                secondSawEverythingDone.complete(!slow.isAlive() && system.termination().isDone());
            });
            // The second close either waits (parked) or, wrongly, has already returned.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                Thread.State s = second.getState();
                return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED;
            });
            release.countDown();
            assertTrue(secondSawEverythingDone.get(10, TimeUnit.SECONDS),
                    "a second close returns only once the first has shut the system down");
            first.join(10_000);
            assertFalse(first.isAlive());
        }
    }

    /**
     * Shutdown stops the newest actor first; while it does, an older actor is still alive and serves calls, so a
     * newer one can finish its work (here, in its terminate hook) by calling it.
     */
    @Test
    void actorsStillRunningDuringShutdownServeCalls() throws Exception {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        ActorSystem system = ActorSystem.create("draining");
        ActorRef<Object> older = system.spawn(new Node("older", new ConcurrentLinkedQueue<>(), new CountDownLatch(1)));
        system.spawn(Behaviors.<String>setup(ctx -> {
            ctx.onTerminate(reason -> {
                try {
                    answer.complete(older.<Integer>call(Get::new));
                } catch (RuntimeException e) {
                    answer.complete(e);
                }
            });
            return (c, m) -> Behaviors.same();
        }));
        system.close();
        assertEquals(0, answer.get(10, TimeUnit.SECONDS), "the older actor answered during shutdown");
        assertFalse(older.isAlive());
    }

    @Test
    void afterCloseSpawnAndCallFailAndCastsGoToDeadLetters() throws Exception {
        ActorSystem system = ActorSystem.create("closed-system");
        ActorRef<Object> ref;
        try (system) {
            ref = system.spawn(new Node("n", new ConcurrentLinkedQueue<>(), new CountDownLatch(1)),
                    SpawnOptions.named("n"));
            assertEquals(0, ref.<Integer>call(Get::new));
        }
        assertFalse(ref.isAlive());

        ActorSystemStoppedException spawn = assertThrows(ActorSystemStoppedException.class,
                () -> system.spawn((c, m) -> Behaviors.same()));
        assertTrue(spawn.getMessage().contains("closed-system"), spawn.getMessage());
        ActorSystemStoppedException start = assertThrows(ActorSystemStoppedException.class,
                () -> system.start((c, m) -> Behaviors.same()));
        assertTrue(start.getMessage().contains("closed-system"), start.getMessage());
        ActorSystemStoppedException call = assertThrows(ActorSystemStoppedException.class,
                () -> ref.<Integer>call(Get::new));
        assertTrue(call.getMessage().contains("closed-system"), call.getMessage());

        long before = system.deadLetters().count();
        ref.cast("after close");
        assertEquals(before + 1, system.deadLetters().count());
        DeadLetter letter = system.deadLetters().recent().getLast();
        assertEquals("after close", letter.message());
        assertEquals(ref.pid(), letter.recipient());
        assertEquals("n", letter.recipientName());
        assertEquals(DeadLetter.Reason.RECIPIENT_STOPPED, letter.reason());

        SendResult<Object> tried = ref.tryCast("tried");
        assertEquals(new SendResult.Dead<>("tried"), tried);
    }

    @Test
    void twoSystemsAreIndependentAndPidsAreUniqueAcrossThem() throws Exception {
        ActorSystem one = ActorSystem.create("one");
        try (one; ActorSystem two = ActorSystem.create("two")) {
            List<ActorRef<Object>> inOne = new ArrayList<>();
            List<ActorRef<Object>> inTwo = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                inOne.add(one.spawn(new Node("one-" + i, new ConcurrentLinkedQueue<>(), new CountDownLatch(1))));
                inTwo.add(two.spawn(new Node("two-" + i, new ConcurrentLinkedQueue<>(), new CountDownLatch(1))));
            }
            Set<Pid> pids = new HashSet<>();
            for (ActorRef<Object> r : inOne) pids.add(r.pid());
            for (ActorRef<Object> r : inTwo) pids.add(r.pid());
            assertEquals(40, pids.size(), "pids are unique across systems: " + pids);
            assertNotEquals(inOne.getFirst().pid(), inTwo.getFirst().pid());

            one.close();
            assertFalse(one.isRunning());
            for (ActorRef<Object> r : inOne) assertEquals(ExitReason.SHUTDOWN, await(r));

            assertTrue(two.isRunning(), "closing one system leaves the other running");
            for (ActorRef<Object> r : inTwo) {
                assertTrue(r.isAlive());
                assertEquals(0, r.<Integer>call(Get::new));
            }
            AtomicBoolean handled = new AtomicBoolean();
            ActorRef<String> fresh = two.spawn((c, m) -> {
                handled.set(true);
                return Behaviors.stopped();
            });
            assertFalse(inOne.stream().anyMatch(r -> r.pid().equals(fresh.pid())));
            fresh.cast("hi");
            assertEquals(ExitReason.NORMAL, await(fresh));
            assertTrue(handled.get());

            long twoDeadLetters = two.deadLetters().count();
            inOne.getFirst().cast("to a stopped system");
            assertEquals(1, one.deadLetters().count(), "the dead letter lands in its own system");
            assertEquals(twoDeadLetters, two.deadLetters().count(), "and not in the other one");
            ActorSystemStoppedException e = assertThrows(ActorSystemStoppedException.class,
                    () -> one.spawn((c, m) -> Behaviors.same()));
            assertInstanceOf(HeddleException.class, e);
        }
    }
}
