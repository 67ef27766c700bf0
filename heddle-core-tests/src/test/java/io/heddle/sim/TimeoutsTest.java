package io.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Behaviors;
import io.heddle.CallTimeoutException;
import io.heddle.DeadLetter;
import io.heddle.ExitReason;
import io.heddle.Mailbox;
import io.heddle.ReplyTo;
import io.heddle.SendResult;
import io.heddle.SpawnOptions;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/** Call, send and shutdown timeouts, to the virtual nanosecond. */
class TimeoutsTest {

    record Hold(ReplyTo<Integer> replyTo) {}

    @SimulationTest(seeds = 25)
    void aCallTimeoutNamesTargetTypeElapsedAndDepth(Simulation sim) {
        ActorSystem system = sim.newSystem("calls");
        ActorRef<Hold> slowpoke = system.spawn((ctx, m) -> Behaviors.same(), SpawnOptions.named("slowpoke"));
        CallTimeoutException e = assertThrows(CallTimeoutException.class,
                () -> slowpoke.call(Hold::new, Duration.ofMillis(50)));
        assertEquals(Duration.ofMillis(50), e.elapsed());
        assertEquals(Duration.ofMillis(50), sim.elapsed());
        assertSame(Hold.class, e.requestType());
        assertEquals(0, e.queueDepth());
        assertTrue(e.getMessage().contains("call to slowpoke<0."), e.getMessage());
        assertTrue(e.getMessage().contains("timed out after 50 ms waiting for a reply to Hold (mailbox depth 0)"),
                e.getMessage());
    }

    @SimulationTest(seeds = 25)
    void anAsyncCallTimesOutAtItsTimeout(Simulation sim) throws Exception {
        ActorSystem system = sim.newSystem("calls");
        ActorRef<Hold> silent = system.spawn((ctx, m) -> Behaviors.same());
        CompletableFuture<Integer> reply = silent.callAsync(Hold::new, Duration.ofMillis(30));
        ExecutionException e = assertThrows(ExecutionException.class, reply::get);
        assertInstanceOf(CallTimeoutException.class, e.getCause());
        assertEquals(Duration.ofMillis(30), sim.elapsed());
    }

    @SimulationTest(seeds = 25)
    void aCastToAFullFixedMailboxGivesUpAfterTheSendTimeout(Simulation sim) {
        ActorSystem system = sim.newSystem(ActorSystemConfig.defaults("mailbox").parallelism(2)
                .sendTimeout(Duration.ofMillis(30)));
        CountDownLatch release = new CountDownLatch(1);
        List<Object> handled = new ArrayList<>();
        ActorRef<Object> gate = system.spawn((ctx, m) -> {
            handled.add(m);
            release.await();
            return Behaviors.same();
        }, SpawnOptions.named("gate").mailbox(Mailbox.fixed(1)));
        gate.cast("a");
        sim.runUntilIdle();              // "a" is being handled: the mailbox is empty
        gate.cast("b");                  // fills it
        gate.cast("c");                  // waits 30 ms, then dead-letters
        assertEquals(Duration.ofMillis(30), sim.elapsed());
        DeadLetter letter = system.deadLetters().recent().getLast();
        assertEquals("c", letter.message());
        assertSame(DeadLetter.Reason.MAILBOX_FULL, letter.reason());
        assertEquals(new SendResult.Full<>("d"), gate.tryCast("d", Duration.ofMillis(20)));
        assertEquals(Duration.ofMillis(50), sim.elapsed());
        release.countDown();
        sim.runUntilIdle();
        assertEquals(List.of("a", "b"), handled);
    }

    @SimulationTest(seeds = 25)
    void shutdownKillsAnActorStuckInItsHandlerAfterThePerActorTimeout(Simulation sim) {
        ActorSystem system = sim.newSystem("shutdown");
        CountDownLatch never = new CountDownLatch(1);
        List<String> stopped = new ArrayList<>();
        ActorRef<String> polite = system.spawn(Behaviors.setup(ctx -> {
            ctx.onTerminate(r -> stopped.add("polite " + r));
            return (c, m) -> Behaviors.same();
        }));
        ActorRef<String> stuck = system.spawn(Behaviors.setup(ctx -> {
            ctx.onTerminate(r -> stopped.add("stuck " + r));
            return (c, m) -> {
                never.await();               // ignores the stop request; only an interrupt ends it
                return Behaviors.same();
            };
        }));
        stuck.cast("block");
        sim.runUntilIdle();
        system.shutdown(Duration.ofMillis(200));
        assertEquals(Duration.ofMillis(200), sim.elapsed(), "killed once the 200 ms ran out");
        assertEquals(ExitReason.KILLED, stuck.termination().join());
        assertEquals(ExitReason.SHUTDOWN, polite.termination().join());
        assertEquals(List.of("polite shutdown"), stopped, "newest first; a killed actor runs no terminate hook");
    }

    /**
     * Shutdown stops idle actors on its own thread when that runs no user code; an actor with a terminate hook stops
     * on its own turn, so that a hook that hangs is still killed after the per-actor timeout.
     */
    @SimulationTest(seeds = 25)
    void anIdleActorWhoseTerminateHookHangsIsKilledAfterThePerActorTimeout(Simulation sim) {
        ActorSystem system = sim.newSystem("shutdown");
        CountDownLatch never = new CountDownLatch(1);
        List<String> hooks = new ArrayList<>();
        ActorRef<String> plain = system.spawn((ctx, m) -> Behaviors.same());
        ActorRef<String> hanging = system.spawn(Behaviors.setup(ctx -> {
            ctx.onTerminate(r -> {
                hooks.add("hook started");
                try {
                    never.await();
                } catch (InterruptedException e) {
                    hooks.add("hook interrupted");
                    Thread.currentThread().interrupt();
                }
            });
            return (c, m) -> Behaviors.same();
        }));
        sim.runUntilIdle();
        system.shutdown(Duration.ofMillis(300));
        assertEquals(Duration.ofMillis(300), sim.elapsed());
        assertEquals(List.of("hook started", "hook interrupted"), hooks);
        assertEquals(ExitReason.SHUTDOWN, plain.termination().join());
        assertEquals(ExitReason.SHUTDOWN, hanging.termination().join(), "its terminate had begun: shutdown");
    }
}
