package io.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Behaviors;
import io.heddle.DeadLetter;
import io.heddle.ExitReason;
import io.heddle.Mailbox;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.scheduling.Scheduling;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Throughput as fairness, measured in messages under the deterministic runtime; urgent messages. */
class FairnessAndPriorityTest {

    static final int FLOOD = 2_000;

    /**
     * One worker and a busy actor. The busy actor's first message holds the worker (a JDK wait Heddle cannot see)
     * while a flood of messages queues up behind it and a neighbour is sent one message; then it is released. The
     * neighbour's latency is counted in busy messages handled after its send, before its own.
     */
    static int neighbourLatency(Simulation sim, int busyThroughput) {
        ActorSystem system = sim.newSystem(ActorSystemConfig.defaults("fair-" + busyThroughput).parallelism(1));
        AtomicInteger busyHandled = new AtomicInteger();
        ActorRef<Object> busy = system.spawn((ctx, m) -> {
            if (m instanceof CountDownLatch release) release.await();
            else busyHandled.incrementAndGet();
            return Behaviors.same();
        }, SpawnOptions.named("busy").mailbox(Mailbox.unbounded())
                .scheduling(Scheduling.defaults().throughput(busyThroughput)));
        AtomicInteger seenAt = new AtomicInteger(-1);
        ActorRef<String> neighbour = system.spawn((ctx, m) -> {
            seenAt.set(busyHandled.get());
            return Behaviors.same();
        }, SpawnOptions.named("neighbour"));
        CountDownLatch release = new CountDownLatch(1);
        busy.cast(release);
        sim.runUntilIdle();
        for (int i = 0; i < FLOOD; i++) busy.cast(i);
        assertEquals(0, busyHandled.get(), "the flood is queued behind the held worker");
        neighbour.cast("ping");
        release.countDown();
        sim.runUntilIdle();
        assertEquals(FLOOD, busyHandled.get());
        return seenAt.get();
    }

    @SimulationTest(seeds = 20)
    void aBusyActorWithThroughputOneDoesNotStarveItsNeighbour(Simulation sim) {
        int latency = neighbourLatency(sim, 1);
        assertTrue(latency <= 1, "with throughput 1 the neighbour waits at most one busy message: " + latency);
    }

    @SimulationTest(seeds = 20)
    void aBusyActorWithAHighThroughputMakesItsNeighbourWaitForWholeTurns(Simulation sim) {
        int latency = neighbourLatency(sim, 1_000);
        assertTrue(latency >= 999, "with throughput 1000 the neighbour waits behind the busy actor's whole turn: "
                + latency + " messages");
    }

    sealed interface Msg permits Block, Plain, Ask {}

    record Block(CountDownLatch release) implements Msg {}

    record Plain(String name) implements Msg {}

    record Ask(String name, ReplyTo<String> replyTo) implements Msg {}

    @SimulationTest(seeds = 50)
    void urgentMessagesOvertakeQueuedOnesBehindControlMessages(Simulation sim) {
        ActorSystem system = sim.newSystem("priority");
        List<String> order = new CopyOnWriteArrayList<>();
        ActorRef<String> watched = system.spawn((ctx, m) -> Behaviors.same(), SpawnOptions.named("watched"));
        ActorRef<Msg> actor = system.spawn(Behaviors.setup(ctx -> {
            ctx.monitor(watched, down -> new Plain("down"));
            return (c, msg) -> {
                switch (msg) {
                    case Block(CountDownLatch release) -> release.await();
                    case Plain(String name) -> order.add(name);
                    case Ask(String name, ReplyTo<String> replyTo) -> {
                        order.add(name);
                        replyTo.reply(name);
                    }
                }
                return Behaviors.same();
            };
        }), SpawnOptions.named("prioritised"));
        CountDownLatch release = new CountDownLatch(1);
        actor.cast(new Block(release));
        sim.runUntilIdle();                   // the actor is blocked in its first handler
        actor.cast(new Plain("n1"));
        actor.cast(new Plain("n2"));
        actor.castUrgent(new Plain("u1"));
        watched.stop();                       // its down notice travels in the control lane
        sim.runUntilIdle();
        actor.castUrgent(new Plain("u2"));
        actor.cast(new Plain("n3"));
        var reply = actor.<String>callAsync(r -> new Ask("a", r), java.time.Duration.ofSeconds(1));
        release.countDown();
        sim.runUntilIdle();
        assertEquals("a", reply.join());
        assertEquals(List.of("down", "u1", "u2", "n1", "n2", "n3", "a"), order);
    }

    @SimulationTest(seeds = 30)
    void anUrgentCallOvertakesQueuedMessages(Simulation sim) {
        ActorSystem system = sim.newSystem("priority");
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        ActorRef<Msg> actor = system.spawn((c, msg) -> {
            switch (msg) {
                case Block(CountDownLatch r) -> r.await();
                case Plain(String name) -> order.add(name);
                case Ask(String name, ReplyTo<String> replyTo) -> {
                    order.add(name);
                    replyTo.reply(name);
                }
            }
            return Behaviors.same();
        });
        actor.cast(new Block(release));
        sim.runUntilIdle();
        for (int i = 0; i < 5; i++) actor.cast(new Plain("n" + i));
        sim.schedule(java.time.Duration.ofMillis(1), release::countDown);
        assertEquals("health", actor.<String>callUrgent(r -> new Ask("health", r), java.time.Duration.ofSeconds(1)));
        sim.runUntilIdle();
        assertEquals(List.of("health", "n0", "n1", "n2", "n3", "n4"), order);
    }

    @SimulationTest(seeds = 30)
    void urgentMessagesToAStoppedActorBecomeDeadLetters(Simulation sim) {
        ActorSystem system = sim.newSystem("priority");
        ActorRef<Msg> actor = system.spawn((c, msg) -> Behaviors.same(), SpawnOptions.named("gone"));
        actor.stop();
        assertSame(ExitReason.SHUTDOWN, actor.termination().join());
        actor.castUrgent(new Plain("late"));
        DeadLetter letter = system.deadLetters().recent().getLast();
        assertEquals(new Plain("late"), letter.message());
        assertSame(DeadLetter.Reason.RECIPIENT_STOPPED, letter.reason());
    }

    /** Urgent messages still queued when the actor stops are dead-lettered, not lost. */
    @SimulationTest(seeds = 50)
    void urgentMessagesQueuedAtStopAreDeadLettered(Simulation sim) {
        ActorSystem system = sim.newSystem("priority");
        CountDownLatch release = new CountDownLatch(1);
        ActorRef<Msg> actor = system.spawn((c, msg) -> {
            if (msg instanceof Block(CountDownLatch r)) {
                r.await();
                c.stop();
            }
            return Behaviors.same();
        });
        actor.cast(new Block(release));
        sim.runUntilIdle();
        for (int i = 0; i < 3; i++) actor.castUrgent(new Plain("u" + i));
        release.countDown();
        actor.termination().join();
        sim.runUntilIdle();
        List<Object> lost = system.deadLetters().recent().stream()
                .filter(d -> d.reason() == DeadLetter.Reason.RECIPIENT_STOPPED).map(DeadLetter::message).toList();
        assertEquals(List.of(new Plain("u0"), new Plain("u1"), new Plain("u2")), lost);
    }
}
