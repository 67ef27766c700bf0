package io.heddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
class MessagingTest {

    sealed interface CounterMsg permits Add, Get, Fail, Hold, Release, GetVia, HeldCount {}

    record Add(int n) implements CounterMsg {}

    record Get(ReplyTo<Integer> replyTo) implements CounterMsg {}

    record Fail(ReplyTo<Integer> replyTo) implements CounterMsg {}

    /** The counter keeps the reply handle and answers only on {@link Release}. */
    record Hold(ReplyTo<Integer> replyTo) implements CounterMsg {}

    record Release() implements CounterMsg {}

    record HeldCount(ReplyTo<Integer> replyTo) implements CounterMsg {}

    /** The counter delegates the answer to another actor. */
    record GetVia(ActorRef<Answer> delegate, ReplyTo<Integer> replyTo) implements CounterMsg {}

    record Answer(int value, ReplyTo<Integer> replyTo) {}

    static final class Counter extends Actor<CounterMsg> {
        int total;
        final List<ReplyTo<Integer>> held = new ArrayList<>();
        volatile WeakReference<ReplyTo<Integer>> lastHeld;

        @Override
        protected void handle(CounterMsg message) {
            switch (message) {
                case Add(int n) -> total += n;
                case Get(ReplyTo<Integer> replyTo) -> replyTo.reply(total);
                case Fail f -> throw new IllegalStateException("handler failure");
                case Hold(ReplyTo<Integer> replyTo) -> {
                    held.add(replyTo);
                    lastHeld = new WeakReference<>(replyTo);
                }
                case Release r -> {
                    held.forEach(h -> h.reply(total));
                    held.clear();
                }
                case HeldCount(ReplyTo<Integer> replyTo) -> replyTo.reply(held.size());
                case GetVia(ActorRef<Answer> delegate, ReplyTo<Integer> replyTo) ->
                        delegate.cast(new Answer(total, replyTo));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void castThenCallSeesTheCastsInOrder(Backend backend) {
        try (ActorSystem system = ActorSystem.create("messaging")) {
            ActorRef<CounterMsg> counter = system.spawn(new Counter(), SpawnOptions.defaults().backend(backend));
            for (int i = 0; i < 500; i++) counter.cast(new Add(2));
            assertEquals(1000, counter.<Integer>call(Get::new));
        }
    }

    @Test
    void aDeferredReplyArrivesWhenTheActorAnswers() throws Exception {
        try (ActorSystem system = ActorSystem.create("messaging")) {
            ActorRef<CounterMsg> counter = system.spawn(new Counter());
            CompletableFuture<Integer> pending = counter.callAsync(Hold::new, Duration.ofSeconds(30));
            counter.cast(new Add(5));
            counter.cast(new Release());
            assertEquals(5, pending.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aReplyMayBeHandedToAnotherActor() {
        try (ActorSystem system = ActorSystem.create("messaging")) {
            ActorRef<CounterMsg> counter = system.spawn(new Counter());
            ActorRef<Answer> doubler = system.spawn((ctx, answer) -> {
                answer.replyTo().reply(answer.value() * 2);
                return Behaviors.same();
            });
            counter.cast(new Add(21));
            assertEquals(42, counter.<Integer>call(replyTo -> new GetVia(doubler, replyTo)));
        }
    }

    @Test
    void handlerFailureReachesTheCallerAndStopsTheActor() throws Exception {
        try (ActorSystem system = ActorSystem.create("messaging")) {
            ActorRef<CounterMsg> counter = system.spawn(new Counter(), SpawnOptions.named("fragile"));
            CallFailedException e = assertThrows(CallFailedException.class, () -> counter.call(Fail::new));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertTrue(e.getMessage().contains("fragile<"), e.getMessage());
            assertInstanceOf(ExitReason.Error.class, counter.termination().get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void callToAStoppedActorFailsAtOnceEvenWithALongTimeout() throws Exception {
        try (ActorSystem system = ActorSystem.create("messaging")) {
            ActorRef<CounterMsg> counter = system.spawn(new Counter(), SpawnOptions.named("counter"));
            counter.stop();
            counter.termination().get(10, TimeUnit.SECONDS);
            ActorStoppedException e = assertThrows(ActorStoppedException.class,
                    () -> counter.call(Get::new, Duration.ofHours(1)));
            assertEquals(counter.pid(), e.target());
            assertSame(Get.class, e.requestType());
            assertSame(ExitReason.SHUTDOWN, e.exitReason());
            assertTrue(e.getMessage().contains("counter<"), e.getMessage());
            assertTrue(e.getMessage().contains("Get"), e.getMessage());
        }
    }

    @Test
    void callPendingWhenTheActorStopsFailsAtOnce() {
        try (ActorSystem system = ActorSystem.create("messaging")) {
            ActorRef<CounterMsg> counter = system.spawn(new Counter());
            CompletableFuture<Integer> reply = counter.callAsync(Hold::new, Duration.ofHours(1));
            counter.call(Get::new); // the Hold has been handled and its reply deferred
            counter.stop();
            ExecutionException e = assertThrows(ExecutionException.class, () -> reply.get(10, TimeUnit.SECONDS));
            assertInstanceOf(ActorStoppedException.class, e.getCause());
        }
    }

    @Test
    void lateReplyIsDiscardedToDeadLettersAndRetainsNothing() throws Exception {
        try (ActorSystem system = ActorSystem.create("messaging")) {
            Counter counter = new Counter();
            ActorRef<CounterMsg> ref = system.spawn(counter);
            assertThrows(CallTimeoutException.class, () -> ref.call(Hold::new, Duration.ofMillis(20)));
            CountDownLatch late = new CountDownLatch(1);
            try (var sub = system.deadLetters().subscribe(letter -> {
                if (letter.reason() == DeadLetter.Reason.LATE_REPLY && letter.message().equals(7)) late.countDown();
            })) {
                ref.cast(new Add(7));
                ref.cast(new Release());
                assertTrue(late.await(10, TimeUnit.SECONDS), "a late reply goes to dead letters");
            }
            assertEquals(7, ref.<Integer>call(Get::new), "the actor keeps working after a late reply");
            WeakReference<ReplyTo<Integer>> handle = counter.lastHeld;
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                System.gc();
                return handle.get() == null;
            });
        }
    }

    @Test
    void onlyTheFirstAnswerCounts() {
        try (ActorSystem system = ActorSystem.create("messaging")) {
            ActorRef<ReplyTo<String>> twice = system.spawn((ctx, replyTo) -> {
                assertTrue(replyTo.reply("first"));
                assertTrue(!replyTo.reply("second") && replyTo.isDone());
                return Behaviors.same();
            });
            assertEquals("first", twice.<String>call(replyTo -> replyTo));
            Awaitility.await().until(() -> system.deadLetters().recent().stream()
                    .anyMatch(l -> l.message().equals("second") && l.reason() == DeadLetter.Reason.LATE_REPLY));
        }
    }

    @Test
    void nullRepliesAreReplies() {
        try (ActorSystem system = ActorSystem.create("messaging")) {
            ActorRef<ReplyTo<String>> nothing = system.spawn((ctx, replyTo) -> {
                replyTo.reply(null);
                return Behaviors.same();
            });
            assertNull(nothing.<String>call(replyTo -> replyTo));
        }
    }

    @Test
    void failAnswersTheCallerWithTheCause() {
        try (ActorSystem system = ActorSystem.create("messaging")) {
            ActorRef<ReplyTo<String>> refuser = system.spawn((ctx, replyTo) -> {
                replyTo.fail(new UnsupportedOperationException("not today"));
                return Behaviors.same();
            });
            CallFailedException e = assertThrows(CallFailedException.class,
                    () -> refuser.<String>call(replyTo -> replyTo));
            assertEquals("not today", e.getCause().getMessage());
            assertTrue(refuser.isAlive(), "failing a reply is not a crash");
        }
    }

    @Test
    void nullMessagesFailWithAClearException() {
        try (ActorSystem system = ActorSystem.create("messaging")) {
            ActorRef<CounterMsg> counter = system.spawn(new Counter(), SpawnOptions.named("counter"));
            NullPointerException cast = assertThrows(NullPointerException.class, () -> counter.cast(null));
            assertTrue(cast.getMessage().contains("cast to counter<"), cast.getMessage());
            assertThrows(NullPointerException.class, () -> counter.tryCast(null));
            NullPointerException call = assertThrows(NullPointerException.class, () -> counter.call(r -> null));
            assertTrue(call.getMessage().contains("returned null"), call.getMessage());
        }
    }

    @Test
    void callsAndSpawnsOnAStoppedSystemFailClearly() {
        ActorSystem system = ActorSystem.create("gone");
        ActorRef<CounterMsg> counter = system.spawn(new Counter());
        system.close();
        ActorSystemStoppedException call = assertThrows(ActorSystemStoppedException.class,
                () -> counter.call(Get::new));
        assertTrue(call.getMessage().contains("'gone'"), call.getMessage());
        assertThrows(ActorSystemStoppedException.class, () -> system.spawn(new Counter()));
        counter.cast(new Add(1)); // never throws: it is dead-lettered
        assertEquals(DeadLetter.Reason.RECIPIENT_STOPPED, system.deadLetters().recent().getLast().reason());
    }

    @Test
    void anActorCallingItselfFailsInsteadOfDeadlocking() throws Exception {
        try (ActorSystem system = ActorSystem.create("messaging")) {
            CompletableFuture<Throwable> seen = new CompletableFuture<>();
            ActorRef<Object> narcissus = system.spawn((ctx, m) -> {
                try {
                    ctx.self().<Object>call(replyTo -> replyTo);
                } catch (RuntimeException e) {
                    seen.complete(e);
                }
                return Behaviors.same();
            });
            narcissus.cast("go");
            assertInstanceOf(IllegalStateException.class, seen.get(10, TimeUnit.SECONDS));
        }
    }

    /**
     * With one dispatcher worker, an actor that calls another inside its handler must not hold the only worker: the
     * callee has to run for the call to complete.
     */
    @Test
    void callInsideAHandlerDoesNotHoldTheOnlyWorker() {
        try (ActorSystem system = ActorSystem.create(ActorSystemConfig.defaults("one-worker").parallelism(1))) {
            ActorRef<CounterMsg> counter = system.spawn(new Counter());
            counter.cast(new Add(3));
            ActorRef<ReplyTo<Integer>> asker = system.spawn((ctx, replyTo) -> {
                int value = counter.call(Get::new);
                replyTo.reply(value + 1);
                return Behaviors.same();
            });
            assertEquals(4, asker.<Integer>call(replyTo -> replyTo));
        }
    }

    /** Ten actors wait in calls that are not answered yet; a neighbour on the same two workers keeps working. */
    @Test
    void actorsBlockedInCallsDoNotStopTheOthers() throws Exception {
        try (ActorSystem system = ActorSystem.create(ActorSystemConfig.defaults("blocked").parallelism(2))) {
            ActorRef<CounterMsg> holder = system.spawn(new Counter());
            AtomicInteger answered = new AtomicInteger();
            CountDownLatch allAsked = new CountDownLatch(10);
            List<ActorRef<String>> askers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                askers.add(system.spawn((ctx, m) -> {
                    allAsked.countDown();
                    holder.call(Hold::new, Duration.ofSeconds(30));
                    answered.incrementAndGet();
                    return Behaviors.same();
                }));
            }
            askers.forEach(a -> a.cast("ask"));
            assertTrue(allAsked.await(10, TimeUnit.SECONDS));
            ActorRef<CounterMsg> neighbour = system.spawn(new Counter());
            for (int i = 0; i < 1000; i++) neighbour.cast(new Add(1));
            assertEquals(1000, neighbour.<Integer>call(Get::new));
            Awaitility.await().until(() -> holder.<Integer>call(HeldCount::new) == 10);
            holder.cast(new Release());
            Awaitility.await().until(() -> answered.get() == 10);
        }
    }

    @Test
    void untypedActorsTakeAnyObject() {
        try (ActorSystem system = ActorSystem.create("untyped")) {
            ActorRef<Object> echo = system.spawn((ctx, m) -> {
                if (m instanceof ReplyTo<?> r) ((ReplyTo<Object>) r).reply("pong");
                return Behaviors.same();
            });
            echo.cast(42);
            echo.cast("text");
            echo.cast(List.of(1, 2));
            assertEquals("pong", echo.call(replyTo -> replyTo));
        }
    }
}
