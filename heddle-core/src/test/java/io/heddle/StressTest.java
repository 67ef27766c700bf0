package io.heddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
class StressTest {

    @FunctionalInterface
    interface Task {
        void run(int index) throws Exception;
    }

    /**
     * Runs {@code count} tasks at once, alternating virtual and platform threads if {@code mixed}, released together
     * by a start gate; waits for all and rethrows the first failure.
     */
    private static void runConcurrently(int count, boolean mixed, Task task) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            CompletableFuture<Void> f = new CompletableFuture<>();
            done.add(f);
            Runnable body = () -> {
                try {
                    gate.await();
                    task.run(index);
                    f.complete(null);
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                }
            };
            if (mixed && i % 2 == 1) Thread.ofPlatform().daemon(true).name("stress-platform-" + i).start(body);
            else Thread.ofVirtual().name("stress-virtual-" + i).start(body);
        }
        gate.countDown();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(45, TimeUnit.SECONDS);
    }

    // ------------------------------------------------------------------------------------ (a) FIFO per sender

    record Seq(int sender, int n) {}

    record Stats(long total, long[] perSender, long violations, String firstViolation) {}

    record GetStats(ReplyTo<Stats> replyTo) {}

    /** Checks that each sender's numbers arrive strictly increasing. */
    static final class OrderChecker extends Actor<Object> {
        private final int[] last;
        private final long[] perSender;
        private final long expected;
        private final CountDownLatch allSeen;
        private long total;
        private long violations;
        private String firstViolation;

        OrderChecker(int senders, long expected, CountDownLatch allSeen) {
            this.last = new int[senders];
            Arrays.fill(last, -1);
            this.perSender = new long[senders];
            this.expected = expected;
            this.allSeen = allSeen;
        }

        @Override
        protected void handle(Object message) {
            switch (message) {
                case Seq(int sender, int n) -> {
                    if (n <= last[sender]) {
                        violations++;
                        if (firstViolation == null) {
                            firstViolation = "sender " + sender + ": " + n + " after " + last[sender];
                        }
                    }
                    last[sender] = n;
                    perSender[sender]++;
                    if (++total == expected) allSeen.countDown();
                }
                case GetStats(ReplyTo<Stats> replyTo) ->
                        replyTo.reply(new Stats(total, perSender.clone(), violations, firstViolation));
                default -> throw new IllegalArgumentException(String.valueOf(message));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void messagesFromEachSenderArriveInOrderUnderConcurrency(Backend backend) throws Exception {
        int senders = 4;
        int perSender = 50_000;
        long expected = (long) senders * perSender;
        try (ActorSystem system = ActorSystem.create("stress-fifo")) {
            CountDownLatch allSeen = new CountDownLatch(1);
            ActorRef<Object> checker = system.spawn(new OrderChecker(senders, expected, allSeen),
                    SpawnOptions.named("checker").mailbox(Mailbox.unbounded()).backend(backend));
            runConcurrently(senders, true, sender -> {
                for (int n = 0; n < perSender; n++) checker.cast(new Seq(sender, n));
            });
            assertTrue(allSeen.await(30, TimeUnit.SECONDS), "every message is handled");
            Stats stats = checker.call(GetStats::new);
            assertEquals(0, stats.violations(), () -> "order violations, first: " + stats.firstViolation());
            assertEquals(expected, stats.total());
            long[] each = new long[senders];
            Arrays.fill(each, perSender);
            assertTrue(Arrays.equals(each, stats.perSender()), Arrays.toString(stats.perSender()));
            assertEquals(0, system.deadLetters().count());
        }
    }

    // ------------------------------------------------------------------------------------ (b) many actors

    record Hit(int from) {}

    @Test
    void tenThousandActorsEachHandleEveryMessageSentToThem() throws Exception {
        int actors = 10_000;
        int senders = 5;
        int perSenderPerActor = 2; // 10 messages per actor
        int perActor = senders * perSenderPerActor;
        try (ActorSystem system = ActorSystem.create("stress-many")) {
            AtomicIntegerArray handled = new AtomicIntegerArray(actors);
            LongAdder total = new LongAdder();
            CountDownLatch allHandled = new CountDownLatch(actors * perActor);
            List<ActorRef<Hit>> refs = new ArrayList<>(actors);
            for (int i = 0; i < actors; i++) {
                int index = i;
                Backend backend = i % 1000 == 0 ? Backend.virtualThread() : Backend.dispatcher();
                refs.add(system.spawn((ctx, hit) -> {
                    handled.incrementAndGet(index);
                    total.increment();
                    allHandled.countDown();
                    return Behaviors.same();
                }, SpawnOptions.defaults().backend(backend)));
            }
            runConcurrently(senders, true, sender -> {
                for (int round = 0; round < perSenderPerActor; round++) {
                    // Each sender walks the actors from a different starting point.
                    for (int k = 0; k < actors; k++) refs.get((k + sender * 1999) % actors).cast(new Hit(sender));
                }
            });
            assertTrue(allHandled.await(30, TimeUnit.SECONDS),
                    () -> "handled " + total.sum() + " of " + (long) actors * perActor);
            assertEquals((long) actors * perActor, total.sum());
            for (int i = 0; i < actors; i++) assertEquals(perActor, handled.get(i), "actor " + i);
            assertEquals(0, system.deadLetters().count());
            assertTrue(refs.stream().allMatch(ActorRef::isAlive));
        }
    }

    // ------------------------------------------------------------------------------------ (c) churn

    record Churn(boolean stopSelf) {}

    @Test
    void underChurnEveryMessageIsEitherHandledOrDeadLettered() throws Exception {
        int threads = 4;
        int iterations = 1_500;
        int castsPerIteration = 4;
        int slots = 32;
        LongAdder sent = new LongAdder();
        LongAdder handled = new LongAdder();
        LongAdder dead = new LongAdder();
        Map<DeadLetter.Reason, LongAdder> reasons = new ConcurrentHashMap<>();
        LongAdder spawned = new LongAdder();
        ActorSystem system = ActorSystem.create("stress-churn");
        try (system; AutoCloseable _ = system.deadLetters().subscribe(letter -> {
            if (letter.message() instanceof Churn) {
                dead.increment();
                reasons.computeIfAbsent(letter.reason(), r -> new LongAdder()).increment();
            }
        })) {
            AtomicReferenceArray<ActorRef<Churn>> pool = new AtomicReferenceArray<>(slots);
            Behavior<Churn> behavior = (ctx, m) -> {
                handled.increment();
                return m.stopSelf() ? Behaviors.stopped() : Behaviors.same();
            };
            runConcurrently(threads, true, t -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < iterations; i++) {
                    int pick = random.nextInt(100);
                    Backend backend = pick < 4 ? Backend.virtualThread()
                            : pick < 6 ? Backend.platformThread() : Backend.dispatcher();
                    ActorRef<Churn> fresh = system.spawn(behavior, SpawnOptions.defaults().backend(backend));
                    spawned.increment();
                    ActorRef<Churn> old = pool.getAndSet(random.nextInt(slots), fresh);
                    if (old != null) {
                        if (random.nextInt(4) == 0) old.kill();
                        else old.stop();
                    }
                    for (int c = 0; c < castsPerIteration; c++) {
                        ActorRef<Churn> target = pool.get(random.nextInt(slots));
                        if (target == null) target = fresh;
                        target.cast(new Churn(random.nextInt(25) == 0));
                        sent.increment();
                    }
                }
            });
            CompletableFuture<Void> closed = CompletableFuture.runAsync(system::close, Thread::startVirtualThread);
            closed.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < slots; i++) {
                ActorRef<Churn> ref = pool.get(i);
                if (ref != null) assertTrue(ref.termination().isDone(), "close stops every actor");
            }
        }
        assertEquals((long) threads * iterations, spawned.sum());
        assertEquals((long) threads * iterations * castsPerIteration, sent.sum());
        assertEquals(sent.sum(), handled.sum() + dead.sum(),
                () -> "sent " + sent.sum() + ", handled " + handled.sum() + ", dead-lettered " + dead.sum()
                        + " " + reasons);
        assertTrue(handled.sum() > 0, "some messages were handled");
        assertTrue(dead.sum() > 0, "some messages went to stopped actors");
        assertEquals(Set.of(DeadLetter.Reason.RECIPIENT_STOPPED), reasons.keySet(),
                "only messages to stopped actors are lost: " + reasons);
        assertFalse(system.isRunning());
    }

    // ------------------------------------------------------------------------------------ (d) calls

    record Inc(int caller, int seq, ReplyTo<Reply> replyTo) {}

    record Reply(int caller, int seq, int value) {}

    record Total(ReplyTo<Integer> replyTo) {}

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void concurrentCallsAllGetTheirOwnCorrectReply(Backend backend) throws Exception {
        int callers = 8;
        int callsEach = 5_000;
        int totalCalls = callers * callsEach;
        try (ActorSystem system = ActorSystem.create("stress-calls")) {
            ActorRef<Object> counter = system.spawn(new Actor<>() {
                private int value;

                @Override
                protected void handle(Object message) {
                    switch (message) {
                        case Inc(int caller, int seq, ReplyTo<Reply> replyTo) ->
                                replyTo.reply(new Reply(caller, seq, ++value));
                        case Total(ReplyTo<Integer> replyTo) -> replyTo.reply(value);
                        default -> throw new IllegalArgumentException(String.valueOf(message));
                    }
                }
            }, SpawnOptions.named("counter").backend(backend));
            AtomicIntegerArray seen = new AtomicIntegerArray(totalCalls + 1);
            runConcurrently(callers, false, caller -> {
                int previous = 0;
                for (int seq = 0; seq < callsEach; seq++) {
                    int s = seq;
                    Reply reply = counter.call(r -> new Inc(caller, s, r), Duration.ofSeconds(20));
                    assertEquals(caller, reply.caller(), "a reply meant for another caller");
                    assertEquals(seq, reply.seq(), "a reply to another call");
                    assertTrue(reply.value() > previous, "the counter only goes up for one caller");
                    assertTrue(reply.value() <= totalCalls, "value " + reply.value());
                    previous = reply.value();
                    seen.incrementAndGet(reply.value());
                }
            });
            for (int v = 1; v <= totalCalls; v++) assertEquals(1, seen.get(v), "counter value " + v);
            assertEquals(totalCalls, counter.<Integer>call(Total::new));
            assertEquals(0, system.deadLetters().count(), "no late or lost replies");
        }
    }
}
