package io.heddle.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.Down;
import io.heddle.ExitReason;
import io.heddle.Health;
import io.heddle.MonitorRef;
import io.heddle.SpawnOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BehaviorTestKitTest {

    sealed interface Msg permits Add, Get, Start, Tick, Gone, Hold, Release, Bad {}

    record Add(int n) implements Msg {}

    record Get(ActorRef<Integer> replyTo) implements Msg {}

    record Start() implements Msg {}

    record Tick() implements Msg {}

    record Gone(Down down) implements Msg {}

    record Hold(String what) implements Msg {}

    record Release() implements Msg {}

    record Bad() implements Msg {}

    static Behavior<Msg> counter(int total) {
        return (ctx, msg) -> switch (msg) {
            case Add(int n) -> counter(total + n);
            case Get(ActorRef<Integer> replyTo) -> {
                replyTo.cast(total);
                yield Behaviors.same();
            }
            case Start s -> {
                ActorRef<String> worker = ctx.spawnLink((c, m) -> Behaviors.same(), SpawnOptions.named("worker"));
                worker.cast("job");
                ctx.monitor(worker, Gone::new);
                ctx.sendInterval(new Tick(), Duration.ofSeconds(1));
                ctx.reportHealth(Health.degraded("busy"));
                yield Behaviors.same();
            }
            case Tick t -> counter(total + 100);
            case Gone g -> Behaviors.stopped();
            case Hold h -> {
                ctx.stash();
                yield Behaviors.same();
            }
            case Release r -> {
                ctx.unstashAll();
                yield Behaviors.same();
            }
            case Bad b -> throw new IllegalStateException("bad");
        };
    }

    @Test
    void messagesRunSynchronouslyAndRepliesLandInInboxes() throws Exception {
        try (BehaviorTestKit<Msg> kit = BehaviorTestKit.create(counter(0))) {
            TestInbox<Integer> replies = kit.inbox("replies");
            kit.run(new Add(2));
            kit.run(new Add(3));
            kit.run(new Get(replies.ref()));
            replies.expectMessage(5);
            assertFalse(replies.hasMessages());
            kit.expectNoEffects();
        }
    }

    @Test
    void contextOperationsBecomeEffects() throws Exception {
        try (BehaviorTestKit<Msg> kit = BehaviorTestKit.create(counter(0))) {
            kit.run(new Start());
            Effect.Spawned spawned = kit.expectEffect(Effect.Spawned.class);
            assertEquals("worker", spawned.name());
            assertTrue(spawned.linked());
            assertEquals(List.of("job"), kit.childInbox(spawned.child()).receiveAll());
            Effect.Monitored monitored = kit.expectEffect(Effect.Monitored.class);
            assertEquals(spawned.child(), monitored.target());
            assertEquals(new Effect.Scheduled(new Tick(), Duration.ofSeconds(1), true),
                    kit.expectEffect(Effect.Scheduled.class));
            assertEquals(Health.degraded("busy"), kit.expectEffect(Effect.HealthReported.class).health());
            kit.expectNoEffects();

            kit.fire(new Tick());
            kit.fire(new Tick());
            TestInbox<Integer> replies = kit.inbox("replies");
            kit.run(new Get(replies.ref()));
            replies.expectMessage(200);

            MonitorRef monitor = monitored.monitor();
            kit.down(monitor, spawned.child(), ExitReason.KILLED);
            assertFalse(kit.isAlive());
            assertEquals(Optional.of(ExitReason.NORMAL), kit.exitReason());
            kit.expectEffect(Effect.StoppedSelf.class);
        }
    }

    @Test
    void stashedMessagesComeBackInOrderAfterTheMessageThatUnstashedThem() throws Exception {
        try (BehaviorTestKit<Msg> kit = BehaviorTestKit.create(counter(0))) {
            kit.run(new Hold("a"));
            kit.run(new Hold("b"));
            assertEquals(List.of(new Hold("a"), new Hold("b")), kit.stashed());
            kit.retrieveAllEffects();
            kit.run(new Release()); // handles Release, then a and b, which stash themselves again
            assertEquals(List.of(new Effect.Unstashed(2), new Effect.Stashed(new Hold("a")),
                    new Effect.Stashed(new Hold("b"))), kit.retrieveAllEffects());
        }
    }

    @Test
    void aThrowingHandlerStopsTheActorWithTheError() {
        try (BehaviorTestKit<Msg> kit = BehaviorTestKit.create(counter(0))) {
            assertThrows(IllegalStateException.class, () -> kit.run(new Bad()));
            assertInstanceOf(ExitReason.Error.class, kit.exitReason().orElseThrow());
            assertThrows(IllegalStateException.class, () -> kit.run(new Add(1)));
        }
    }

    static final class Greeter extends Actor<String> {
        private int greeted;

        @Override
        protected void init() {
            self().cast("self-greeting");
        }

        @Override
        protected void handle(String name) {
            greeted++;
        }
    }

    @Test
    void classStyleActorsRunInitAndMessagesToSelfWaitInTheSelfInbox() throws Exception {
        try (BehaviorTestKit<String> kit = BehaviorTestKit.create(new Greeter())) {
            assertEquals(List.of("self-greeting"), kit.selfInbox().receiveAll());
            kit.selfInbox().ref().cast("again");
            assertTrue(kit.runOne());
            assertFalse(kit.runOne());
        }
    }

    @Test
    void selectiveReceiveIsRefusedWithAPointerToTheSimulation() throws Exception {
        Behavior<String> waiting = (ctx, m) -> {
            ctx.receive(String.class, Duration.ofSeconds(1));
            return Behaviors.same();
        };
        try (BehaviorTestKit<String> kit = BehaviorTestKit.create(waiting)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> kit.run("x"));
            assertTrue(e.getMessage().contains("Simulation"), e.getMessage());
        }
    }
}
