package io.heddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(30)
class LifecycleTest {

    record Note(String text) {}

    /** Records its lifecycle in a shared list. */
    static final class Recorder extends Actor<Object> {
        final List<String> events;

        Recorder(List<String> events) {
            this.events = events;
        }

        @Override
        protected void init() {
            events.add("init on " + (Thread.currentThread().isVirtual() ? "virtual" : "platform"));
        }

        @Override
        protected void handle(Object message) {
            switch (message) {
                case Note(String text) -> events.add(text);
                case ReplyTo<?> ignored -> throw new IllegalStateException("not used");
                default -> throw new IllegalArgumentException("boom: " + message);
            }
        }

        @Override
        protected void terminate(ExitReason reason) {
            events.add("terminate " + reason);
        }
    }

    private static ExitReason await(ActorRef<?> ref) throws Exception {
        return ref.termination().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void initRunsBeforeTheFirstMessageOnTheChosenBackend(Backend backend) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("lifecycle")) {
            ActorRef<Object> ref = system.spawn(new Recorder(events), SpawnOptions.named("rec").backend(backend));
            ref.cast(new Note("first"));
            Awaitility.await().until(() -> events.contains("first"));
            ref.stop();
            assertEquals(ExitReason.SHUTDOWN, await(ref));
        }
        String expectedThread = backend instanceof Backend.PlatformThread ? "platform" : "virtual";
        assertEquals(List.of("init on " + expectedThread, "first", "terminate shutdown"), events);
    }

    @Test
    void stopOvertakesQueuedMessagesWhichBecomeDeadLetters() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (ActorSystem system = ActorSystem.create("lifecycle")) {
            ActorRef<String> ref = system.spawn((ctx, m) -> {
                events.add(m);
                if (m.equals("block")) release.await();
                return Behaviors.same();
            });
            ref.cast("block");
            Awaitility.await().until(() -> events.contains("block"));
            for (int i = 0; i < 10; i++) ref.cast("queued " + i);
            ref.stop();
            release.countDown();
            assertEquals(ExitReason.SHUTDOWN, await(ref));
            assertEquals(List.of("block"), events, "the stop is handled before the queued messages");
            long queuedDeadLetters = system.deadLetters().recent().stream()
                    .filter(l -> l.message().toString().startsWith("queued")
                            && l.reason() == DeadLetter.Reason.RECIPIENT_STOPPED)
                    .count();
            assertEquals(10, queuedDeadLetters);
        }
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void stopFromInsideIsNormal(Backend backend) throws Exception {
        List<ExitReason> reasons = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("lifecycle")) {
            ActorRef<String> ref = system.spawn(Behaviors.<String>setup(ctx -> {
                ctx.onTerminate(reasons::add);
                return (c, m) -> m.equals("stop") ? Behaviors.stopped() : Behaviors.same();
            }), SpawnOptions.defaults().backend(backend));
            ref.cast("hello");
            ref.cast("stop");
            assertEquals(ExitReason.NORMAL, await(ref));
            assertFalse(ref.isAlive());
        }
        assertEquals(List.of(ExitReason.NORMAL), reasons);
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void contextStopIsNormalToo(Backend backend) throws Exception {
        try (ActorSystem system = ActorSystem.create("lifecycle")) {
            ActorRef<String> ref = system.spawn((ctx, m) -> {
                ctx.stop();
                return Behaviors.same();
            }, SpawnOptions.defaults().backend(backend));
            ref.cast("anything");
            assertEquals(ExitReason.NORMAL, await(ref));
        }
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void handlerExceptionStopsTheActorWithThatCause(Backend backend) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("lifecycle")) {
            ActorRef<Object> ref = system.spawn(new Recorder(events), SpawnOptions.defaults().backend(backend));
            ref.cast(42);
            ExitReason reason = await(ref);
            ExitReason.Error error = assertInstanceOf(ExitReason.Error.class, reason);
            assertInstanceOf(IllegalArgumentException.class, error.cause());
            assertEquals("boom: 42", error.cause().getMessage());
            assertTrue(reason.isAbnormal());
        }
        assertTrue(events.getLast().startsWith("terminate error: java.lang.IllegalArgumentException"), events::toString);
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void killSkipsTerminateHooks(Backend backend) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("lifecycle")) {
            ActorRef<Object> ref = system.spawn(new Recorder(events), SpawnOptions.defaults().backend(backend));
            ref.cast(new Note("one"));
            ref.kill();
            assertEquals(ExitReason.KILLED, await(ref));
        }
        assertFalse(events.stream().anyMatch(e -> e.startsWith("terminate")), events::toString);
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void killInterruptsABlockedHandler(Backend backend) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        try (ActorSystem system = ActorSystem.create("lifecycle")) {
            ActorRef<String> ref = system.spawn((ctx, m) -> {
                entered.countDown();
                new CountDownLatch(1).await(); // blocks until interrupted
                return Behaviors.same();
            }, SpawnOptions.defaults().backend(backend));
            ref.cast("block");
            entered.await();
            ref.kill();
            assertEquals(ExitReason.KILLED, await(ref));
        }
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void startReportsAFailingInit(Backend backend) {
        try (ActorSystem system = ActorSystem.create("lifecycle")) {
            Actor<Object> failing = new Actor<>() {
                @Override
                protected void init() {
                    throw new IllegalStateException("no database");
                }

                @Override
                protected void handle(Object message) {}
            };
            ActorStartException e = assertThrows(ActorStartException.class,
                    () -> system.start(failing, SpawnOptions.named("db").backend(backend)));
            assertEquals("no database", e.getCause().getMessage());
            assertTrue(e.getMessage().contains("db<"), e.getMessage());
        }
    }

    @Test
    void spawnWithAFailingInitEndsTheActorAndDeadLettersItsMessages() throws Exception {
        try (ActorSystem system = ActorSystem.create("lifecycle")) {
            ActorRef<String> ref = system.spawn(Behaviors.setup(ctx -> {
                throw new IllegalStateException("setup failed");
            }));
            ExitReason reason = await(ref);
            assertEquals("setup failed", assertInstanceOf(ExitReason.Error.class, reason).cause().getMessage());
            ref.cast("late");
            DeadLetter letter = system.deadLetters().recent().getLast();
            assertEquals("late", letter.message());
            assertEquals(DeadLetter.Reason.RECIPIENT_STOPPED, letter.reason());
        }
    }

    @Test
    void startReturnsOnceInitHasRun() {
        List<String> events = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("lifecycle")) {
            system.start(new Recorder(events));
            assertEquals(List.of("init on virtual"), events);
        }
    }

    @Test
    void anActorInstanceCannotBeSpawnedTwice() {
        try (ActorSystem system = ActorSystem.create("lifecycle")) {
            Recorder recorder = new Recorder(new CopyOnWriteArrayList<>());
            system.spawn(recorder);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> system.spawn(recorder));
            assertTrue(e.getMessage().contains("spawned before"), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- behaviors

    sealed interface Light permits Toggle, State {}

    record Toggle() implements Light {}

    record State(ReplyTo<String> replyTo) implements Light {}

    static Behavior<Light> off() {
        return (ctx, msg) -> switch (msg) {
            case Toggle t -> on();
            case State(ReplyTo<String> replyTo) -> {
                replyTo.reply("off");
                yield Behaviors.same();
            }
        };
    }

    static Behavior<Light> on() {
        return (ctx, msg) -> switch (msg) {
            case Toggle t -> off();
            case State(ReplyTo<String> replyTo) -> {
                replyTo.reply("on");
                yield Behaviors.same();
            }
        };
    }

    @Test
    void aReturnedBehaviorHandlesTheNextMessage() {
        try (ActorSystem system = ActorSystem.create("behaviors")) {
            ActorRef<Light> light = system.spawn(off());
            assertEquals("off", light.call(State::new));
            light.cast(new Toggle());
            assertEquals("on", light.call(State::new));
            light.cast(new Toggle());
            assertEquals("off", light.call(State::new));
        }
    }

    sealed interface Mode permits Push, Pop, Ask {}

    record Push(String label) implements Mode {}

    record Pop() implements Mode {}

    record Ask(ReplyTo<String> replyTo) implements Mode {}

    static Behavior<Mode> labelled(String label) {
        return (ctx, msg) -> {
            switch (msg) {
                case Push(String next) -> ctx.become(labelled(next));
                case Pop p -> ctx.unbecome();
                case Ask(ReplyTo<String> replyTo) -> replyTo.reply(label);
            }
            return Behaviors.same();
        };
    }

    @Test
    void becomeAndUnbecomeWorkAsAStack() {
        try (ActorSystem system = ActorSystem.create("behaviors")) {
            ActorRef<Mode> ref = system.spawn(labelled("base"));
            ref.cast(new Push("a"));
            ref.cast(new Push("b"));
            assertEquals("b", ref.call(Ask::new));
            ref.cast(new Pop());
            assertEquals("a", ref.call(Ask::new));
            ref.cast(new Pop());
            assertEquals("base", ref.call(Ask::new));
        }
    }

    @Test
    void unbecomeWithAnEmptyStackCrashesWithAClearError() throws Exception {
        try (ActorSystem system = ActorSystem.create("behaviors")) {
            ActorRef<Mode> ref = system.spawn(labelled("base"));
            ref.cast(new Pop());
            ExitReason.Error error = assertInstanceOf(ExitReason.Error.class, await(ref));
            assertInstanceOf(IllegalStateException.class, error.cause());
            assertTrue(error.cause().getMessage().contains("every unbecome must follow a become"));
        }
    }

    @Test
    void classStyleActorKeepsItsStateAcrossMessages() {
        final class Counter extends Actor<Object> {
            int total;

            @Override
            protected void handle(Object message) {
                if (message instanceof Integer n) total += n;
                else if (message instanceof ReplyTo<?> r) ((ReplyTo<Integer>) r).reply(total);
            }
        }
        try (ActorSystem system = ActorSystem.create("behaviors")) {
            ActorRef<Object> counter = system.spawn(new Counter());
            for (int i = 1; i <= 100; i++) counter.cast(i);
            int total = counter.call(replyTo -> replyTo);
            assertEquals(5050, total);
        }
    }

    @Test
    void terminateHooksRunNewestFirst() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("behaviors")) {
            ActorRef<String> ref = system.spawn(Behaviors.<String>setup(ctx -> {
                ctx.onTerminate(r -> order.add("first registered"));
                ctx.onTerminate(r -> order.add("second registered"));
                return (c, m) -> Behaviors.same();
            }));
            ref.stop();
            await(ref);
        }
        assertEquals(List.of("second registered", "first registered"), order);
    }

    @Test
    void setupMayStopTheActorAtOnce() throws Exception {
        try (ActorSystem system = ActorSystem.create("behaviors")) {
            ActorRef<String> ref = system.spawn(Behaviors.setup(ctx -> Behaviors.stopped()));
            assertSame(ExitReason.NORMAL, await(ref));
        }
    }

    @Test
    void unhandledMessagesBecomeDeadLetters() throws Exception {
        try (ActorSystem system = ActorSystem.create("behaviors")) {
            ActorRef<String> ref = system.spawn((ctx, m) -> m.startsWith("ok") ? Behaviors.same() : Behaviors.unhandled());
            CountDownLatch seen = new CountDownLatch(1);
            try (var sub = system.deadLetters().subscribe(l -> {
                if (l.reason() == DeadLetter.Reason.UNHANDLED && l.message().equals("nope")) seen.countDown();
            })) {
                ref.cast("ok 1");
                ref.cast("nope");
                assertTrue(seen.await(10, TimeUnit.SECONDS));
            }
            assertTrue(ref.isAlive(), "an unhandled message does not stop the actor");
        }
    }

    @Test
    void spawningASpecialBehaviorIsRejected() {
        try (ActorSystem system = ActorSystem.create("behaviors")) {
            assertThrows(IllegalArgumentException.class, () -> system.spawn(Behaviors.same()));
        }
    }

    @Test
    void exitReasonsPrintAndClassify() {
        assertEquals("normal", ExitReason.NORMAL.toString());
        assertFalse(ExitReason.NORMAL.isAbnormal());
        assertFalse(ExitReason.SHUTDOWN.isAbnormal());
        assertTrue(ExitReason.KILLED.isAbnormal());
        assertTrue(ExitReason.error(new RuntimeException("x")).isAbnormal());
        assertThrows(NullPointerException.class, () -> ExitReason.error(null));
        assertEquals(Duration.ofSeconds(5), ActorSystemConfig.defaults("x").callTimeout());
    }
}
