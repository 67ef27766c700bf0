package io.heddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
class DeadLettersTest {

    record Msg(int n) {}

    private static ExitReason await(ActorRef<?> ref) throws Exception {
        return ref.termination().get(10, TimeUnit.SECONDS);
    }

    /** Spawns an actor that stops on its first message, and waits until it has stopped. */
    private static ActorRef<Object> stoppedActor(ActorSystem system, String name) throws Exception {
        ActorRef<Object> ref = system.spawn((c, m) -> Behaviors.stopped(), SpawnOptions.named(name));
        ref.cast(new Msg(-1)); // handled, not a dead letter
        assertEquals(ExitReason.NORMAL, await(ref));
        return ref;
    }

    @Test
    void subscribersGetEveryDeadLetterWithRecipientNameMessageAndReason() throws Exception {
        try (ActorSystem system = ActorSystem.create("dead-letters")) {
            List<DeadLetter> seen = new CopyOnWriteArrayList<>();
            try (AutoCloseable _ = system.deadLetters().subscribe(seen::add)) {
                ActorRef<Object> gone = stoppedActor(system, "gone");
                gone.cast(new Msg(1));
                gone.cast(new Msg(2));

                ActorRef<Object> picky = system.spawn(
                        (c, m) -> m instanceof Msg(int n) && n == 3 ? Behaviors.unhandled() : Behaviors.same(),
                        SpawnOptions.named("picky"));
                picky.cast(new Msg(3)); // dead-lettered on the actor's thread
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= 3);

                CountDownLatch block = new CountDownLatch(1);
                CountDownLatch entered = new CountDownLatch(1);
                ActorRef<Object> dropping = system.spawn((c, m) -> {
                    entered.countDown();
                    block.await();
                    return Behaviors.same();
                }, SpawnOptions.defaults().mailbox(Mailbox.dropping(1)));
                dropping.cast(new Msg(4)); // being handled
                assertTrue(entered.await(10, TimeUnit.SECONDS));
                dropping.cast(new Msg(5)); // queued
                dropping.cast(new Msg(6)); // dropped
                block.countDown();

                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= 4);
                assertEquals(4, seen.size(), seen::toString);

                assertEquals(new Msg(1), seen.get(0).message());
                assertEquals(new Msg(2), seen.get(1).message());
                for (DeadLetter letter : seen.subList(0, 2)) {
                    assertEquals(gone.pid(), letter.recipient());
                    assertEquals("gone", letter.recipientName());
                    assertEquals(DeadLetter.Reason.RECIPIENT_STOPPED, letter.reason());
                    assertNotNull(letter.timestamp());
                }
                DeadLetter unhandled = find(seen, new Msg(3));
                assertEquals(picky.pid(), unhandled.recipient());
                assertEquals("picky", unhandled.recipientName());
                assertEquals(DeadLetter.Reason.UNHANDLED, unhandled.reason());

                DeadLetter dropped = find(seen, new Msg(6));
                assertEquals(dropping.pid(), dropped.recipient());
                assertNull(dropped.recipientName(), "an unnamed actor has a null name");
                assertEquals(DeadLetter.Reason.DROPPED, dropped.reason());

                assertEquals(4, system.deadLetters().count());
                assertEquals(seen, system.deadLetters().recent());
            }
        }
    }

    private static DeadLetter find(List<DeadLetter> letters, Object message) {
        return letters.stream().filter(l -> l.message().equals(message)).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for " + message + " in " + letters));
    }

    @Test
    void closingTheSubscriptionStopsDelivery() throws Exception {
        try (ActorSystem system = ActorSystem.create("dead-letters")) {
            ActorRef<Object> gone = stoppedActor(system, "gone");
            List<DeadLetter> seen = new CopyOnWriteArrayList<>();
            List<DeadLetter> stillSubscribed = new CopyOnWriteArrayList<>();
            AutoCloseable subscription = system.deadLetters().subscribe(seen::add);
            try (AutoCloseable _ = system.deadLetters().subscribe(stillSubscribed::add)) {
                gone.cast(new Msg(1)); // dead-lettered on this thread, synchronously
                assertEquals(1, seen.size());
                subscription.close();
                gone.cast(new Msg(2));
                gone.cast(new Msg(3));
                assertEquals(List.of(new Msg(1)), seen.stream().map(DeadLetter::message).toList(),
                        "nothing is delivered after close");
                assertEquals(List.of(new Msg(1), new Msg(2), new Msg(3)),
                        stillSubscribed.stream().map(DeadLetter::message).toList(),
                        "other subscribers keep getting them");
                assertEquals(3, system.deadLetters().count(), "the letters are still counted");
                subscription.close(); // twice: harmless
            }
        }
    }

    @Test
    void recentKeepsTheLatestUpToCapacityOldestFirstAndCountCountsAll() throws Exception {
        try (ActorSystem system = ActorSystem.create("dead-letters")) {
            DeadLetters deadLetters = system.deadLetters();
            assertEquals(0, deadLetters.count());
            assertEquals(List.of(), deadLetters.recent());

            ActorRef<Object> gone = stoppedActor(system, "gone");
            for (int i = 0; i < 10; i++) gone.cast(new Msg(i));
            assertEquals(10, deadLetters.count());
            assertEquals(messages(0, 10), deadLetters.recent().stream().map(DeadLetter::message).toList());

            int total = DeadLetters.RECENT_CAPACITY * 2 + 37;
            for (int i = 10; i < total; i++) gone.cast(new Msg(i));
            assertEquals(total, deadLetters.count());
            List<DeadLetter> recent = deadLetters.recent();
            assertEquals(DeadLetters.RECENT_CAPACITY, recent.size());
            assertEquals(messages(total - DeadLetters.RECENT_CAPACITY, total),
                    recent.stream().map(DeadLetter::message).toList(), "the latest, oldest first");
        }
    }

    private static List<Object> messages(int from, int to) {
        List<Object> result = new ArrayList<>();
        for (int i = from; i < to; i++) result.add(new Msg(i));
        return result;
    }

    @Test
    void aThrowingSubscriberDoesNotBreakDeliveryToOthers() throws Exception {
        try (ActorSystem system = ActorSystem.create("dead-letters")) {
            ActorRef<Object> gone = stoppedActor(system, "gone");
            AtomicInteger thrown = new AtomicInteger();
            List<Object> before = new CopyOnWriteArrayList<>();
            List<Object> after = new CopyOnWriteArrayList<>();
            try (AutoCloseable _ = system.deadLetters().subscribe(l -> before.add(l.message()));
                 AutoCloseable _ = system.deadLetters().subscribe(l -> {
                     thrown.incrementAndGet();
                     throw new IllegalStateException("subscriber bug");
                 });
                 AutoCloseable _ = system.deadLetters().subscribe(l -> after.add(l.message()))) {
                for (int i = 0; i < 5; i++) gone.cast(new Msg(i)); // must not throw
                assertEquals(messages(0, 5), before);
                assertEquals(messages(0, 5), after, "the subscriber after the throwing one gets every letter");
                assertEquals(5, thrown.get(), "the throwing subscriber stays subscribed");
                assertEquals(5, system.deadLetters().count());
                assertEquals(messages(0, 5), system.deadLetters().recent().stream().map(DeadLetter::message).toList());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void messagesLeftInAStoppedActorsMailboxBecomeDeadLetters(Backend backend) throws Exception {
        try (ActorSystem system = ActorSystem.create("dead-letters")) {
            List<DeadLetter> seen = new CopyOnWriteArrayList<>();
            List<Object> handled = new CopyOnWriteArrayList<>();
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ActorRef<Object> ref = system.spawn((c, m) -> {
                handled.add(m);
                entered.countDown();
                release.await();
                return Behaviors.same();
            }, SpawnOptions.named("busy").backend(backend));
            try (AutoCloseable _ = system.deadLetters().subscribe(seen::add)) {
                ref.cast(new Msg(0));
                assertTrue(entered.await(10, TimeUnit.SECONDS));
                for (int i = 1; i <= 20; i++) ref.cast(new Msg(i));
                ref.stop();
                release.countDown();
                assertEquals(ExitReason.SHUTDOWN, await(ref));
                // The termination future completes after the mailbox is drained.
                assertEquals(List.of(new Msg(0)), handled, "the stop overtakes the queued messages");
                assertEquals(messages(1, 21), seen.stream().map(DeadLetter::message).toList(),
                        "every queued message is dead-lettered, in order");
                for (DeadLetter letter : seen) {
                    assertEquals(DeadLetter.Reason.RECIPIENT_STOPPED, letter.reason());
                    assertEquals(ref.pid(), letter.recipient());
                    assertEquals("busy", letter.recipientName());
                }
                assertEquals(20, system.deadLetters().count());
            }
        }
    }

    /**
     * Regression: termination() called while the actor was draining its mailbox completed at once, because the exit
     * reason is set before the drain, so ActorSystem.close() could return while dead letters were still being
     * published (StressTest.underChurnEveryMessageIsEitherHandledOrDeadLettered lost count of them).
     */
    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void terminationCompletesOnlyOnceTheMailboxIsDrained(Backend backend) throws Exception {
        try (ActorSystem system = ActorSystem.create("dead-letters")) {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ActorRef<Object> ref = system.spawn((c, m) -> {
                entered.countDown();
                release.await();
                return Behaviors.same();
            }, SpawnOptions.named("draining").backend(backend));
            CountDownLatch draining = new CountDownLatch(1);
            CountDownLatch finishDrain = new CountDownLatch(1);
            AtomicInteger drained = new AtomicInteger();
            try (AutoCloseable _ = system.deadLetters().subscribe(letter -> {
                drained.incrementAndGet();
                draining.countDown();
                try {
                    finishDrain.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })) {
                ref.cast(new Msg(0));
                assertTrue(entered.await(10, TimeUnit.SECONDS));
                for (int i = 1; i <= 5; i++) ref.cast(new Msg(i));
                ref.stop();
                release.countDown();
                assertTrue(draining.await(10, TimeUnit.SECONDS), "the drain has begun");
                assertFalse(ref.isAlive(), "the actor no longer counts as alive while it drains");
                assertFalse(ref.termination().isDone(), "termination waits for the drain");
                finishDrain.countDown();
                assertEquals(ExitReason.SHUTDOWN, await(ref));
                assertEquals(5, drained.get(), "every queued message was dead-lettered before termination completed");
            }
        }
    }
}
