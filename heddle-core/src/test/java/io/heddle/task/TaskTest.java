package io.heddle.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorSystem;
import io.heddle.ExitReason;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tasks on real threads, from a plain (platform) thread: what the simulated tests in heddle-core-tests cannot show,
 * such as a cancel interrupting a JDK blocking call. Timing-sensitive behaviour is tested there, under simulation.
 */
@Timeout(30)
class TaskTest {

    @Test
    void aGroupOfAHundredTasksJoinsInSpawnOrder() {
        try (ActorSystem system = ActorSystem.create("tasks"); TaskGroup<Integer> group = TaskGroup.open(system)) {
            for (int i = 0; i < 100; i++) {
                int n = i;
                group.spawn(() -> n * n);
            }
            assertEquals(IntStream.range(0, 100).map(n -> n * n).boxed().toList(), group.join());
            assertEquals(100, group.taskPids().stream().distinct().count(), "each task has its own pid");
        }
    }

    @Test
    void cancellingATaskInterruptsABlockingJdkCall() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try (ActorSystem system = ActorSystem.create("tasks")) {
            Task<String> blocked = Task.spawn(system, () -> {
                started.countDown();
                new CountDownLatch(1).await(); // a JDK wait that knows nothing of Heddle
                return "never";
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            blocked.cancel();
            CancelledException e = assertThrows(CancelledException.class, blocked::join);
            assertTrue(e.getMessage().contains("was cancelled"), e.getMessage());
            assertEquals(ExitReason.SHUTDOWN, blocked.ref().termination().get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFailedTaskExitsWithItsErrorAndJoinSaysWhich() throws Exception {
        try (ActorSystem system = ActorSystem.create("tasks")) {
            Task<String> failing = Task.spawn(system, () -> {
                throw new IllegalArgumentException("bad input");
            });
            TaskFailedException e = assertThrows(TaskFailedException.class, failing::join);
            assertEquals(failing.pid(), e.task());
            assertEquals("bad input", e.getCause().getMessage());
            ExitReason reason = failing.ref().termination().get(10, TimeUnit.SECONDS);
            assertEquals("bad input", assertInstanceOf(ExitReason.Error.class, reason).cause().getMessage());
        }
    }

    @Test
    void aShieldedSectionIsNotInterruptedAndTheCancellationTakesEffectAfterIt() throws Exception {
        CountDownLatch inShield = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        try (ActorSystem system = ActorSystem.create("tasks")) {
            Task<List<String>> task = Task.spawn(system, () -> {
                CancellationScope scope = CancellationScope.current();
                String inside = scope.shield(s -> {
                    inShield.countDown();
                    cancelled.await();          // would be interrupted if not shielded
                    return "shield finished";
                });
                boolean interruptedAfter = Thread.currentThread().isInterrupted();
                try {
                    scope.checkpoint();
                    return List.of(inside, "no cancel?");
                } catch (CancelledException e) {
                    throw new IllegalStateException(inside + "; interrupted after: " + interruptedAfter, e);
                }
            });
            assertTrue(inShield.await(10, TimeUnit.SECONDS));
            task.cancel();
            cancelled.countDown();
            TaskFailedException e = assertThrows(TaskFailedException.class, task::join);
            assertEquals("shield finished; interrupted after: true", e.getCause().getMessage());
        }
    }

    @Test
    void outsideAnyScopeTheCurrentScopeIsTheRootWhichCannotBeCancelled() {
        CancellationScope root = CancellationScope.current();
        assertFalse(root.isCancelled());
        assertTrue(root.remaining().isEmpty());
        assertThrows(IllegalStateException.class, root::cancel);
        root.checkpoint();
    }

    @Test
    void aGroupIsJoinedAndClosedByItsOpener() throws Exception {
        try (ActorSystem system = ActorSystem.create("tasks"); TaskGroup<String> group = TaskGroup.open(system)) {
            group.spawn(() -> "x");
            java.util.concurrent.CompletableFuture<Throwable> refused = new java.util.concurrent.CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    group.join();
                    refused.complete(null);
                } catch (Throwable t) {
                    refused.complete(t);
                }
            });
            Throwable e = refused.get(10, TimeUnit.SECONDS);
            assertInstanceOf(IllegalStateException.class, e);
            assertTrue(e.getMessage().contains("only the thread that opened the group"), e.getMessage());
            assertEquals(List.of("x"), group.join());
            assertThrows(IllegalStateException.class, group::join, "joined once");
        }
    }
}
