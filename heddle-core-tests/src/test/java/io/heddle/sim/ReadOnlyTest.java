package io.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behaviors;
import io.heddle.CallFailedException;
import io.heddle.ExitReason;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.scheduling.ReadOnly;
import io.heddle.scheduling.Scheduling;
import io.heddle.task.Task;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Read-only messages run concurrently with each other, never with anything else. */
class ReadOnlyTest {

    sealed interface Msg permits Read, Write, BadRead, MeddlingRead, Hold {}

    /** Holds the actor until released, so that what is sent meanwhile queues up. */
    record Hold(CountDownLatch release) implements Msg {}

    /** Reads the value, taking 100 ms. */
    record Read(ReplyTo<Integer> replyTo) implements Msg, ReadOnly {}

    record Write(int value) implements Msg {}

    /** A read that tries to change the behavior. */
    record BadRead(ReplyTo<Integer> replyTo) implements Msg, ReadOnly {}

    /** A read that tries to use the context to change the actor. */
    record MeddlingRead(ReplyTo<String> replyTo) implements Msg, ReadOnly {}

    record Observed(List<String> log, AtomicInteger inFlight, AtomicInteger maxInFlight) {
        static Observed create() {
            return new Observed(new CopyOnWriteArrayList<>(), new AtomicInteger(), new AtomicInteger());
        }
    }

    static ActorRef<Msg> register(ActorSystem system, Observed o, int readParallelism) {
        int[] value = {0};
        return system.spawn((ctx, msg) -> {
            switch (msg) {
                case Read(ReplyTo<Integer> replyTo) -> {
                    o.maxInFlight().accumulateAndGet(o.inFlight().incrementAndGet(), Math::max);
                    int seen = value[0];
                    Task.sleep(Duration.ofMillis(100));
                    o.inFlight().decrementAndGet();
                    o.log().add("read " + seen);
                    replyTo.reply(seen);
                }
                case Write(int v) -> {
                    assertEquals(0, o.inFlight().get(), "no read runs during a write");
                    value[0] = v;
                    o.log().add("write " + v);
                }
                case BadRead(ReplyTo<Integer> replyTo) -> {
                    replyTo.reply(value[0]);
                    return (c, m) -> Behaviors.same();
                }
                case Hold(CountDownLatch release) -> release.await();
                case MeddlingRead(ReplyTo<String> replyTo) -> {
                    try {
                        ctx.stash();
                        replyTo.reply("stashed");
                    } catch (IllegalStateException e) {
                        replyTo.reply(e.getMessage());
                    }
                }
            }
            return Behaviors.same();
        }, SpawnOptions.named("register").scheduling(Scheduling.defaults().concurrentReads(readParallelism)));
    }

    /** Makes the actor wait in a handler until the returned latch is released. */
    static CountDownLatch hold(Simulation sim, ActorRef<Msg> actor) {
        CountDownLatch release = new CountDownLatch(1);
        actor.cast(new Hold(release));
        sim.runUntilIdle();
        return release;
    }

    @SimulationTest(seeds = 40)
    void consecutiveReadsRunTogetherAndWritesSeparateThem(Simulation sim) {
        ActorSystem system = sim.newSystem("reads");
        Observed o = Observed.create();
        ActorRef<Msg> register = register(system, o, 8);
        CountDownLatch release = hold(sim, register);
        List<java.util.concurrent.CompletableFuture<Integer>> replies = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) replies.add(register.callAsync(Read::new, Duration.ofSeconds(5)));
        register.cast(new Write(7));
        for (int i = 0; i < 3; i++) replies.add(register.callAsync(Read::new, Duration.ofSeconds(5)));
        release.countDown();
        sim.runUntilIdle();
        while (sim.advanceToNextTimer()) sim.runUntilIdle();
        assertEquals(List.of(0, 0, 0, 0, 7, 7, 7), replies.stream().map(java.util.concurrent.CompletableFuture::join)
                .toList());
        assertEquals(4, o.maxInFlight().get(), "the four reads before the write ran at the same time");
        assertEquals(Duration.ofMillis(200), sim.elapsed(), "two batches of 100 ms each, not seven reads in a row");
        assertEquals("write 7", o.log().get(4));
    }

    @SimulationTest(seeds = 30)
    void theParallelismBoundsABatch(Simulation sim) {
        ActorSystem system = sim.newSystem("reads");
        Observed o = Observed.create();
        ActorRef<Msg> register = register(system, o, 2);
        CountDownLatch release = hold(sim, register);
        List<java.util.concurrent.CompletableFuture<Integer>> replies = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) replies.add(register.callAsync(Read::new, Duration.ofSeconds(5)));
        release.countDown();
        sim.runUntilIdle();
        while (sim.advanceToNextTimer()) sim.runUntilIdle();
        replies.forEach(java.util.concurrent.CompletableFuture::join);
        assertEquals(2, o.maxInFlight().get());
        assertEquals(Duration.ofMillis(300), sim.elapsed(), "batches of 2, 2 and 1");
    }

    @SimulationTest(seeds = 30)
    void withoutConcurrentReadsReadOnlyMessagesRunOneAtATime(Simulation sim) {
        ActorSystem system = sim.newSystem("reads");
        Observed o = Observed.create();
        ActorRef<Msg> register = register(system, o, 1);
        for (int i = 0; i < 3; i++) register.callAsync(Read::new, Duration.ofSeconds(5));
        sim.runUntilIdle();
        while (sim.advanceToNextTimer()) sim.runUntilIdle();
        assertEquals(1, o.maxInFlight().get());
        assertEquals(Duration.ofMillis(300), sim.elapsed());
    }

    @SimulationTest(seeds = 30)
    void aReadThatReturnsANewBehaviorCrashesTheActor(Simulation sim) {
        ActorSystem system = sim.newSystem("reads");
        ActorRef<Msg> register = register(system, Observed.create(), 4);
        CountDownLatch release = hold(sim, register);
        var first = register.<Integer>callAsync(BadRead::new, Duration.ofSeconds(5));
        var second = register.<Integer>callAsync(BadRead::new, Duration.ofSeconds(5));
        release.countDown();
        ExitReason reason = register.termination().join();
        IllegalStateException cause = assertInstanceOf(IllegalStateException.class,
                assertInstanceOf(ExitReason.Error.class, reason).cause());
        assertTrue(cause.getMessage().contains("read-only handlers run concurrently and may not change the actor"),
                cause.getMessage());
        assertEquals(0, first.join(), "the reply was sent before the behavior was refused");
        assertEquals(0, second.join());
    }

    @SimulationTest(seeds = 30)
    void aReadCannotUseTheContextToChangeTheActor(Simulation sim) {
        ActorSystem system = sim.newSystem("reads");
        ActorRef<Msg> register = register(system, Observed.create(), 4);
        CountDownLatch release = hold(sim, register);
        var a = register.<String>callAsync(MeddlingRead::new, Duration.ofSeconds(5));
        var b = register.<String>callAsync(MeddlingRead::new, Duration.ofSeconds(5));
        release.countDown();
        sim.runUntilIdle();
        for (var reply : List.of(a, b)) {
            assertTrue(reply.join().contains("was called from a ReadOnly handler"), reply.join());
        }
        assertTrue(register.isAlive());
        assertFalse(a.join().contains("stashed"));
    }

    @SimulationTest(seeds = 30)
    void aFailingReadFailsItsCallAndCrashesTheActorAfterTheBatch(Simulation sim) {
        ActorSystem system = sim.newSystem("reads");
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        ActorRef<Msg> actor = system.spawn((ctx, msg) -> {
            if (msg instanceof Hold(CountDownLatch release)) release.await();
            if (msg instanceof Read(ReplyTo<Integer> replyTo)) {
                log.add("read");
                if (reads.incrementAndGet() == 1) throw new IllegalArgumentException("bad read");
                replyTo.reply(1);
            }
            return Behaviors.same();
        }, SpawnOptions.named("fragile").scheduling(Scheduling.defaults().concurrentReads(2)));
        CountDownLatch release = hold(sim, actor);
        var first = actor.<Integer>callAsync(Read::new, Duration.ofSeconds(5));
        var second = actor.<Integer>callAsync(Read::new, Duration.ofSeconds(5));
        release.countDown();
        actor.termination().join();
        assertEquals(2, log.size(), "both reads of the batch ran");
        var failed = List.of(first, second).stream().filter(java.util.concurrent.CompletableFuture
                ::isCompletedExceptionally).toList();
        assertEquals(1, failed.size());
        var e = assertThrows(java.util.concurrent.CompletionException.class, failed.getFirst()::join);
        assertInstanceOf(CallFailedException.class, e.getCause());
    }
}
