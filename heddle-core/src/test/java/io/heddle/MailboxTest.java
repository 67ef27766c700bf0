package io.heddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MailboxTest {

    /** An actor that blocks on its first message until released, then records everything it handles. */
    static final class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Object> handled = Collections.synchronizedList(new ArrayList<>());

        Behavior<Object> behavior() {
            return (ctx, m) -> {
                if (m.equals("block")) {
                    entered.countDown();
                    release.await();
                } else {
                    handled.add(m);
                }
                return Behaviors.same();
            };
        }

        ActorRef<Object> spawnBlocked(ActorSystem system, Mailbox mailbox) throws InterruptedException {
            ActorRef<Object> ref = system.spawn(behavior(), SpawnOptions.named("gate").mailbox(mailbox));
            ref.cast("block");
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            return ref;
        }
    }

    @Test
    void defaultMailboxIsFixedThousand() {
        assertEquals(new Mailbox.Fixed(1000), Mailbox.defaultMailbox());
        assertEquals(Mailbox.defaultMailbox(), ActorSystemConfig.defaults("x").defaultMailbox());
    }

    @Test
    void capacitiesAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mailbox.fixed(0));
        assertTrue(e.getMessage().contains("Fixed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mailbox.sliding(-1));
        assertThrows(IllegalArgumentException.class, () -> Mailbox.dropping(Integer.MAX_VALUE));
    }

    @Test
    void fixedTryCastReportsFullAndHandsTheMessageBack() throws Exception {
        try (ActorSystem system = ActorSystem.create("mailbox")) {
            Gate gate = new Gate();
            ActorRef<Object> ref = gate.spawnBlocked(system, Mailbox.fixed(2));
            assertTrue(ref.tryCast("a").delivered());
            assertTrue(ref.tryCast("b").delivered());
            SendResult<Object> third = ref.tryCast("c");
            assertEquals(new SendResult.Full<>("c"), third);
            long deadLettersBefore = system.deadLetters().count();
            gate.release.countDown();
            Awaitility.await().until(() -> gate.handled.size() == 2);
            assertEquals(List.of("a", "b"), gate.handled);
            assertEquals(deadLettersBefore, system.deadLetters().count(), "a handed-back message is no dead letter");
        }
    }

    @Test
    void fixedCastWaitsForSpaceInsteadOfDropping() throws Exception {
        try (ActorSystem system = ActorSystem.create("mailbox")) {
            Gate gate = new Gate();
            ActorRef<Object> ref = gate.spawnBlocked(system, Mailbox.fixed(1));
            ref.cast("a");
            CompletableFuture<Void> blockedSend = CompletableFuture.runAsync(() -> ref.cast("b"),
                    command -> Thread.ofVirtual().start(command));
            // The send cannot finish while the mailbox is full; it finishes once the actor makes room.
            gate.release.countDown();
            blockedSend.get(10, TimeUnit.SECONDS);
            Awaitility.await().until(() -> gate.handled.size() == 2);
            assertEquals(List.of("a", "b"), gate.handled);
        }
    }

    @Test
    void droppingKeepsTheFirstAndDropsTheNewest() throws Exception {
        try (ActorSystem system = ActorSystem.create("mailbox")) {
            Gate gate = new Gate();
            ActorRef<Object> ref = gate.spawnBlocked(system, Mailbox.dropping(3));
            for (int i = 0; i < 5; i++) ref.cast(i);
            assertEquals(new SendResult.Dropped<>(99), ref.tryCast(99));
            gate.release.countDown();
            Awaitility.await().until(() -> gate.handled.size() == 3);
            assertEquals(List.of(0, 1, 2), gate.handled);
            List<Object> dropped = system.deadLetters().recent().stream()
                    .filter(l -> l.reason() == DeadLetter.Reason.DROPPED).map(DeadLetter::message).toList();
            assertEquals(List.of(3, 4), dropped);
        }
    }

    @Test
    void slidingKeepsTheNewestAndEvictsTheOldest() throws Exception {
        try (ActorSystem system = ActorSystem.create("mailbox")) {
            Gate gate = new Gate();
            ActorRef<Object> ref = gate.spawnBlocked(system, Mailbox.sliding(3));
            for (int i = 0; i < 5; i++) ref.cast(i);
            assertTrue(ref.tryCast(5).delivered(), "a sliding mailbox always accepts");
            gate.release.countDown();
            Awaitility.await().until(() -> gate.handled.size() == 3);
            assertEquals(List.of(3, 4, 5), gate.handled);
            List<Object> evicted = system.deadLetters().recent().stream()
                    .filter(l -> l.reason() == DeadLetter.Reason.EVICTED).map(DeadLetter::message).toList();
            assertEquals(List.of(0, 1, 2), evicted);
        }
    }

    @Test
    void unboundedTakesEverything() throws Exception {
        try (ActorSystem system = ActorSystem.create("mailbox")) {
            Gate gate = new Gate();
            ActorRef<Object> ref = gate.spawnBlocked(system, Mailbox.unbounded());
            IntStream.range(0, 50_000).forEach(ref::cast);
            gate.release.countDown();
            Awaitility.await().until(() -> gate.handled.size() == 50_000);
            assertEquals(0, system.deadLetters().count());
        }
    }

    @Test
    void callToAFullDroppingMailboxFailsAtOnce() throws Exception {
        try (ActorSystem system = ActorSystem.create("mailbox")) {
            Gate gate = new Gate();
            ActorRef<Object> ref = gate.spawnBlocked(system, Mailbox.dropping(1));
            ref.cast("filler");
            MailboxFullException e = assertThrows(MailboxFullException.class,
                    () -> ref.call(replyTo -> replyTo, Duration.ofHours(1)));
            assertTrue(e.getMessage().contains("gate<"), e.getMessage());
            assertTrue(e.getMessage().contains("capacity 1"), e.getMessage());
            gate.release.countDown();
        }
    }

    @Test
    void callEvictedFromASlidingMailboxFailsAtOnce() throws Exception {
        try (ActorSystem system = ActorSystem.create("mailbox")) {
            Gate gate = new Gate();
            ActorRef<Object> ref = gate.spawnBlocked(system, Mailbox.sliding(1));
            CompletableFuture<Object> call = ref.callAsync(replyTo -> replyTo, Duration.ofHours(1));
            ref.cast("newer");
            var failure = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> call.get(10, TimeUnit.SECONDS));
            assertInstanceOf(MailboxFullException.class, failure.getCause());
            gate.release.countDown();
        }
    }

    /** Control messages have their own lane: a full, dropping mailbox cannot keep a stop out. */
    @Test
    void stopGetsThroughAFullMailboxAheadOfUserMessages() throws Exception {
        try (ActorSystem system = ActorSystem.create("mailbox")) {
            Gate gate = new Gate();
            ActorRef<Object> ref = gate.spawnBlocked(system, Mailbox.dropping(2));
            ref.cast("x");
            ref.cast("y");
            assertEquals(new SendResult.Dropped<>("z"), ref.tryCast("z"));
            ref.stop();
            gate.release.countDown();
            assertSame(ExitReason.SHUTDOWN, ref.termination().get(10, TimeUnit.SECONDS));
            assertEquals(List.of(), gate.handled, "the stop overtook the queued messages");
        }
    }

    @Test
    void aSenderWaitingOnAFullMailboxIsReleasedWhenTheActorStops() throws Exception {
        try (ActorSystem system = ActorSystem.create("mailbox")) {
            Gate gate = new Gate();
            ActorRef<Object> ref = gate.spawnBlocked(system, Mailbox.fixed(1));
            ref.cast("a");
            CompletableFuture<SendResult<Object>> waiting = CompletableFuture.supplyAsync(
                    () -> ref.tryCast("b", Duration.ofHours(1)), command -> Thread.ofVirtual().start(command));
            ref.kill();
            assertEquals(new SendResult.Dead<>("b"), waiting.get(10, TimeUnit.SECONDS));
        }
    }
}
