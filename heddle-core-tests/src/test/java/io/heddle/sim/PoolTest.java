package io.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.DeadLetter;
import io.heddle.Mailbox;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.inspect.RouterInfo;
import io.heddle.routing.Pool;
import io.heddle.routing.PoolSpec;
import io.heddle.routing.Resizer;
import io.heddle.routing.RoutingStrategy;
import io.heddle.task.Task;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Pools: supervision of workers, resizing under load, and that no message is lost or handled twice. */
class PoolTest {

    sealed interface Job permits Work, Crash, Hold, Ask {}

    /** Takes {@code millis} of virtual time; counted by id when done. */
    record Work(int id, long millis) implements Job {}

    record Crash() implements Job {}

    record Hold(CountDownLatch release) implements Job {}

    record Ask(int id, ReplyTo<String> replyTo) implements Job {}

    /** What the workers did: each id handled, and how many times; the largest pool seen. */
    record Ledger(Map<Integer, AtomicInteger> handled, AtomicInteger starts) {
        static Ledger create() {
            return new Ledger(new ConcurrentHashMap<>(), new AtomicInteger());
        }

        void handled(int id) {
            handled.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        }

        /** Every id in [0, n) handled exactly once, nothing else. */
        void assertExactlyOnce(int n) {
            assertEquals(n, handled.size(), "handled " + handled.size() + " distinct messages of " + n);
            for (int id = 0; id < n; id++) {
                AtomicInteger times = handled.get(id);
                assertTrue(times != null && times.get() == 1, "message " + id + " handled " + times + " times");
            }
        }
    }

    static Behavior<Job> worker(Ledger ledger) {
        return Behaviors.setup(ctx -> {
            ledger.starts().incrementAndGet();
            return (c, job) -> {
                switch (job) {
                    case Work(int id, long millis) -> {
                        if (millis > 0) Task.sleep(Duration.ofMillis(millis));
                        ledger.handled(id);
                    }
                    case Crash crash -> throw new IllegalStateException("crash on purpose");
                    case Hold(CountDownLatch release) -> release.await();
                    case Ask(int id, ReplyTo<String> replyTo) -> {
                        ledger.handled(id);
                        replyTo.reply(c.self().name().orElseThrow());
                    }
                }
                return Behaviors.same();
            };
        });
    }

    static PoolSpec<Job> spec(Ledger ledger, int min, int max) {
        return PoolSpec.<Job>of("pool", min, () -> worker(ledger)).size(min, max)
                .workerOptions(SpawnOptions.defaults().mailbox(Mailbox.unbounded()));
    }

    @SimulationTest(seeds = 20)
    void aPoolStartsItsWorkersAndShowsInInspection(Simulation sim) {
        ActorSystem system = sim.newSystem("pool");
        Ledger ledger = Ledger.create();
        Pool<Job> pool = Pool.start(system, spec(ledger, 3, 6));
        assertEquals(3, pool.size());
        assertEquals(List.of("pool-0", "pool-1", "pool-2"), pool.workers().stream()
                .map(w -> w.name().orElseThrow()).toList());
        RouterInfo info = system.inspect().routers().getFirst();
        assertEquals("pool", info.name());
        assertEquals("pool", info.source());
        assertEquals(3, info.minSize());
        assertEquals(6, info.maxSize());
        assertEquals(3, info.routees().size());
        var tree = system.inspect().tree().roots().stream().filter(n -> "pool".equals(n.actor().name())).findFirst()
                .orElseThrow();
        assertEquals("pool-workers", tree.children().getFirst().actor().name(), "manager, then the supervisor");
        assertEquals(3, tree.children().getFirst().children().size());
        pool.close();
        assertFalse(pool.ref().isAlive());
        assertTrue(pool.workers().isEmpty());
    }

    /** A worker crashes with messages queued: it leaves, is restarted under its name, and its messages are not lost. */
    @SimulationTest(seeds = 50)
    void aCrashedWorkerIsRestartedAndItsQueuedMessagesGoToTheOthers(Simulation sim) {
        ActorSystem system = sim.newSystem("crash");
        Ledger ledger = Ledger.create();
        Pool<Job> pool = Pool.start(system, spec(ledger, 3, 3));
        ActorRef<Job> victim = pool.workers().get(1);
        CountDownLatch release = new CountDownLatch(1);
        victim.cast(new Hold(release));
        sim.runUntilIdle();
        victim.cast(new Crash());
        for (int id = 0; id < 10; id++) victim.cast(new Work(id, 0));   // queued behind the crash
        for (int id = 10; id < 100; id++) pool.cast(new Work(id, 0));
        release.countDown();
        victim.termination().join();
        sim.runUntilIdle();
        ledger.assertExactlyOnce(100);
        assertEquals(3, pool.size());
        ActorRef<Job> restarted = pool.workers().get(1);
        assertNotEquals(victim, restarted);
        assertEquals("pool-1", restarted.name().orElseThrow(), "the restart rejoins in the same slot, same name");
        assertEquals(4, ledger.starts().get());
        assertTrue(system.deadLetters().recent().stream().noneMatch(d -> d.message() instanceof Work),
                "no work was dead-lettered");
    }

    /** A call queued at a worker that crashes is answered by another worker. */
    @SimulationTest(seeds = 50)
    void aCallQueuedAtACrashingWorkerIsAnsweredByAnother(Simulation sim) {
        ActorSystem system = sim.newSystem("calls");
        Ledger ledger = Ledger.create();
        Pool<Job> pool = Pool.start(system, spec(ledger, 2, 2));
        ActorRef<Job> victim = pool.workers().getFirst();
        CountDownLatch release = new CountDownLatch(1);
        victim.cast(new Hold(release));
        sim.runUntilIdle();
        victim.cast(new Crash());
        CompletableFuture<String> reply = victim.callAsync(r -> new Ask(1, r), Duration.ofSeconds(5));
        release.countDown();
        assertEquals("pool-1", reply.join(), "answered by the other worker");
        assertEquals(Set.of(1), ledger.handled().keySet());
        assertEquals(1, ledger.handled().get(1).get(), "handled once, by the worker that answered");
    }

    /**
     * The test: a load that rises and falls. The pool grows towards its maximum while work queues up, shrinks
     * back to its minimum once idle, and every message is handled exactly once through all the resizing.
     */
    @SimulationTest(seeds = 30)
    void aPoolGrowsUnderLoadShrinksWhenIdleAndLosesNothing(Simulation sim) {
        ActorSystem system = sim.newSystem("resize");
        Ledger ledger = Ledger.create();
        Resizer resizer = Resizer.defaults().growAt(5).cooldown(Duration.ofMillis(200))
                .shrinkAfter(Duration.ofSeconds(1)).checkEvery(Duration.ofMillis(50));
        Pool<Job> pool = Pool.start(system, spec(ledger, 2, 8).resizer(resizer));
        List<Integer> sizes = new ArrayList<>();
        int id = 0;
        // Rising: 40 jobs of 20 ms every 100 ms for 2 s, more than 2 workers can do.
        for (int wave = 0; wave < 20; wave++) {
            for (int k = 0; k < 40; k++) pool.cast(new Work(id++, 20));
            sim.advance(Duration.ofMillis(100));
            sizes.add(pool.size());
        }
        int peak = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertEquals(8, peak, "grew to its maximum under load: " + sizes);
        // Falling: nothing more; the backlog drains, then the pool shrinks one worker per second of idleness.
        while (pool.size() > 2 && sim.elapsed().compareTo(Duration.ofMinutes(2)) < 0) {
            sim.advance(Duration.ofMillis(100));
            sizes.add(pool.size());
        }
        assertEquals(2, pool.size(), "shrank back to its minimum: " + sizes);
        for (int i = 1; i < sizes.size(); i++) {
            int step = sizes.get(i) - sizes.get(i - 1);
            assertTrue(step >= -1, "shrinks one worker at a time: " + sizes);
        }
        ledger.assertExactlyOnce(id);
        assertTrue(system.deadLetters().recent().stream().noneMatch(d -> d.message() instanceof Work));
    }

    /** Shrinking while messages are queued at the retiring worker: they move on, none is lost or repeated. */
    @SimulationTest(seeds = 50)
    void shrinkingMovesTheRetiringWorkersQueueToTheOthers(Simulation sim) {
        ActorSystem system = sim.newSystem("shrink");
        Ledger ledger = Ledger.create();
        Resizer resizer = Resizer.defaults().growAt(1_000).cooldown(Duration.ZERO)
                .shrinkAfter(Duration.ofMillis(100)).checkEvery(Duration.ofMillis(10));
        Pool<Job> pool = Pool.start(system, spec(ledger, 1, 1).size(1, 3).resizer(resizer));
        // Force three workers by hand-feeding a burst big enough to grow, then let it drain.
        for (int id = 0; id < 3_000; id++) pool.cast(new Work(id, 0));
        sim.advance(Duration.ofMillis(20));
        sim.runUntilIdle();
        int burst = 3_000;
        // Keep the pool busy with a trickle of messages while it shrinks: each retiring worker may hold some.
        int id = burst;
        while (pool.size() > 1 && sim.elapsed().compareTo(Duration.ofMinutes(1)) < 0) {
            pool.cast(new Work(id++, 0));
            sim.advance(Duration.ofMillis(30));
        }
        sim.advance(Duration.ofSeconds(1));
        sim.runUntilIdle();
        ledger.assertExactlyOnce(id);
        assertEquals(1, pool.size());
    }

    @SimulationTest(seeds = 20)
    void aConsistentHashPoolKeepsAKeysWorkerAcrossARestart(Simulation sim) {
        ActorSystem system = sim.newSystem("sticky");
        Ledger ledger = Ledger.create();
        Pool<Job> pool = Pool.start(system, spec(ledger, 4, 4).strategy(RoutingStrategy.consistentHash()));
        Map<String, String> owner = new ConcurrentHashMap<>();
        for (int k = 0; k < 50; k++) {
            String key = "k" + k;
            owner.put(key, pool.<String>callByKey(key, r -> new Ask(0, r), Duration.ofSeconds(1)));
        }
        String crashed = owner.get("k0");
        ActorRef<Job> victim = pool.workers().stream().filter(w -> w.name().orElseThrow().equals(crashed))
                .findFirst().orElseThrow();
        victim.cast(new Crash());
        victim.termination().join();
        sim.runUntilIdle();
        assertEquals(4, pool.size());
        for (int k = 0; k < 50; k++) {
            String key = "k" + k;
            assertEquals(owner.get(key), pool.<String>callByKey(key, r -> new Ask(0, r), Duration.ofSeconds(1)),
                    "key " + key + " goes back to the restarted worker of the same name");
        }
    }

    @SimulationTest(seeds = 20)
    void closingThePoolStopsEverythingAndDeadLettersWhatWasQueued(Simulation sim) {
        ActorSystem system = sim.newSystem("close");
        Ledger ledger = Ledger.create();
        Pool<Job> pool = Pool.start(system, spec(ledger, 2, 2));
        CountDownLatch release = new CountDownLatch(1);
        pool.workers().getFirst().cast(new Hold(release));
        sim.runUntilIdle();
        pool.workers().getFirst().cast(new Work(1, 0));
        List<ActorRef<Job>> workers = pool.workers();
        sim.schedule(Duration.ofMillis(1), release::countDown);
        pool.close();
        for (ActorRef<Job> w : workers) assertFalse(w.isAlive());
        assertTrue(system.deadLetters().recent().stream().anyMatch(d -> d.message().equals(new Work(1, 0))
                && d.reason() == DeadLetter.Reason.RECIPIENT_STOPPED), "queued work is dead-lettered when the "
                + "whole pool stops");
        assertTrue(system.inspect().routers().isEmpty());
    }

    /** Sanity of the ledger itself: a message handled twice would be caught. */
    @SimulationTest(seeds = 1)
    void theLedgerCatchesADuplicate(Simulation sim) {
        Ledger ledger = Ledger.create();
        ledger.handled(0);
        ledger.handled(0);
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> ledger.assertExactlyOnce(1));
        assertTrue(e.getMessage().contains("handled 2 times"), e.getMessage());
        assertEquals(Set.of(0), ledger.handled().keySet());
    }
}
