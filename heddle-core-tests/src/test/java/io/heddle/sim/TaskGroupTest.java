package io.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorSystem;
import io.heddle.task.CancelledException;
import io.heddle.task.Joiner;
import io.heddle.task.Outcome;
import io.heddle.task.Task;
import io.heddle.task.TaskFailedException;
import io.heddle.task.TaskGroup;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every joiner, and the races between tasks, cancellation and joining, under many seeds in virtual time. */
class TaskGroupTest {

    /** A task body that sleeps {@code ms} of virtual time, then returns {@code value} or throws. */
    static <T> java.util.concurrent.Callable<T> after(long ms, T value) {
        return () -> {
            Task.sleep(Duration.ofMillis(ms));
            return value;
        };
    }

    static <T> java.util.concurrent.Callable<T> failAfter(long ms, String why) {
        return () -> {
            Task.sleep(Duration.ofMillis(ms));
            throw new IllegalStateException(why);
        };
    }

    private static long ms(Simulation sim) {
        return sim.elapsed().toMillis();
    }

    @SimulationTest(seeds = 30)
    void firstFailureReturnsEveryValueInSpawnOrder(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        try (TaskGroup<String> group = TaskGroup.open(system)) {
            group.spawn(after(30, "slow"));
            group.spawn(after(10, "fast"));
            group.spawn(after(20, "middle"));
            assertEquals(List.of("slow", "fast", "middle"), group.join());
            assertEquals(30, ms(sim), "the join waited for the slowest");
        }
    }

    @SimulationTest(seeds = 30)
    void firstFailureCancelsTheRestAndThrowsTheFailure(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        List<Task<String>> tasks = new ArrayList<>();
        try (TaskGroup<String> group = TaskGroup.open(system)) {
            tasks.add(group.spawn(after(1_000, "never")));
            Task<String> failing = group.spawn(failAfter(10, "disk full"));
            tasks.add(failing);
            tasks.add(group.spawn(after(1_000, "never either")));
            TaskFailedException e = assertThrows(TaskFailedException.class, group::join);
            assertEquals(failing.pid(), e.task());
            assertEquals("disk full", e.getCause().getMessage());
            assertTrue(e.getMessage().contains("task " + failing + " failed"), e.getMessage());
            assertEquals(10, ms(sim), "no waiting for the cancelled tasks' full second");
        }
        assertInstanceOf(Outcome.Cancelled.class, tasks.get(0).outcome().orElseThrow());
        assertInstanceOf(Outcome.Cancelled.class, tasks.get(2).outcome().orElseThrow());
    }

    @SimulationTest(seeds = 30)
    void firstSuccessReturnsTheFastestAndCancelsTheOthers(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        try (TaskGroup<String> group = TaskGroup.open(system)) {
            group.spawn(failAfter(5, "mirror down"));
            group.spawn(after(20, "mirror b"));
            group.spawn(after(500, "mirror c"));
            assertEquals("mirror b", group.join(Joiner.firstSuccess()));
            assertEquals(20, ms(sim));
        }
    }

    @SimulationTest(seeds = 30)
    void firstSuccessWithNoSuccessThrowsKeepingEveryFailure(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        try (TaskGroup<String> group = TaskGroup.open(system)) {
            group.spawn(failAfter(5, "a"));
            group.spawn(failAfter(10, "b"));
            group.spawn(failAfter(15, "c"));
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> group.join(Joiner.firstSuccess()));
            assertEquals("a", e.getCause().getMessage());
            assertEquals(List.of("b", "c"), java.util.Arrays.stream(e.getSuppressed()).map(Throwable::getMessage)
                    .toList());
            assertTrue(e.getMessage().contains("and 2 more failed"), e.getMessage());
        }
    }

    @SimulationTest(seeds = 30)
    void aQuorumReturnsTheFirstNSuccessesAndCancelsTheRest(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        try (TaskGroup<Integer> group = TaskGroup.open(system)) {
            group.spawn(after(40, 4));
            group.spawn(after(10, 1));
            group.spawn(failAfter(15, "replica down"));
            group.spawn(after(20, 2));
            group.spawn(after(300, 3));
            assertEquals(List.of(1, 2), group.join(Joiner.quorum(2)));
            assertEquals(20, ms(sim));
        }
    }

    @SimulationTest(seeds = 30)
    void aQuorumOutOfReachFailsAsSoonAsItIs(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        try (TaskGroup<Integer> group = TaskGroup.open(system)) {
            group.spawn(failAfter(10, "one"));
            group.spawn(after(20, 1));
            group.spawn(failAfter(30, "two"));
            group.spawn(after(1_000, 2));
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> group.join(Joiner.quorum(3)));
            assertTrue(e.getMessage().contains("quorum of 3 out of reach (1 succeeded)"), e.getMessage());
            assertEquals(30, ms(sim), "after the second failure, 3 successes of 4 are impossible");
        }
    }

    @SimulationTest(seeds = 30)
    void allCompletedReportsEveryOutcomeInSpawnOrder(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        try (TaskGroup<String> group = TaskGroup.open(system)) {
            group.spawn(after(30, "ok"));
            group.spawn(failAfter(10, "bad"));
            List<Outcome<String>> outcomes = group.join(Joiner.allCompleted());
            assertEquals("ok", ((Outcome.Success<String>) outcomes.get(0)).value());
            assertEquals("bad", ((Outcome.Failure<String>) outcomes.get(1)).cause().getMessage());
        }
    }

    @SimulationTest(seeds = 30)
    void aCustomJoinerStopsByItsRule(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        try (TaskGroup<Integer> group = TaskGroup.open(system)) {
            for (int i = 1; i <= 5; i++) group.spawn(after(i * 10L, i));
            int sum = group.join(Joiner.custom(p -> p.completed() == 3,
                    outcomes -> outcomes.stream().mapToInt(o -> o instanceof Outcome.Success<Integer> s ? s.value()
                            : 0).sum()));
            assertEquals(1 + 2 + 3, sum);
            assertEquals(30, ms(sim));
        }
    }

    /** The race: two tasks end at the same virtual instant. Whatever the order, the join sees both and one wins. */
    @SimulationTest(seeds = 200)
    void twoTasksEndingAtOnce(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        try (TaskGroup<String> group = TaskGroup.open(system)) {
            Task<String> a = group.spawn(after(10, "a"));
            Task<String> b = group.spawn(after(10, "b"));
            String first = group.join(Joiner.firstSuccess());
            assertTrue(first.equals("a") || first.equals("b"), first);
            Task<String> winner = first.equals("a") ? a : b;
            Task<String> other = winner == a ? b : a;
            assertInstanceOf(Outcome.Success.class, winner.outcome().orElseThrow());
            // The other either finished too (success) or was cancelled in time; never left running.
            Outcome<String> otherOutcome = other.outcome().orElseThrow();
            assertTrue(otherOutcome instanceof Outcome.Success<String> || otherOutcome instanceof Outcome.Cancelled,
                    otherOutcome::toString);
        }
    }

    /** Cancelling the group while it is being joined: the join ends with the cancellation, nothing left running. */
    @SimulationTest(seeds = 100)
    void cancellationWhileJoining(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        List<Task<String>> tasks = new ArrayList<>();
        try (TaskGroup<String> group = TaskGroup.open(system)) {
            for (int i = 0; i < 3; i++) tasks.add(group.spawn(after(1_000, "late")));
            sim.schedule(Duration.ofMillis(50), group::cancelAll);
            CancelledException e = assertThrows(CancelledException.class, group::join);
            assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
            assertEquals(50, ms(sim));
        }
        for (Task<String> t : tasks) assertInstanceOf(Outcome.Cancelled.class, t.outcome().orElseThrow());
    }

    /** A task that fails while being cancelled: its failure is real, and kept, not taken for the cancellation. */
    @SimulationTest(seeds = 100)
    void failureDuringCancellationIsKept(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        try (TaskGroup<String> group = TaskGroup.open(system)) {
            Task<String> cleanupFails = group.spawn(() -> {
                try {
                    Task.sleep(Duration.ofSeconds(1));
                    return "done";
                } catch (CancelledException | io.heddle.ActorInterruptedException e) {
                    throw new IllegalStateException("cleanup failed while cancelling", e);
                }
            });
            group.spawn(failAfter(10, "trigger"));
            TaskFailedException e = assertThrows(TaskFailedException.class, group::join);
            assertEquals("trigger", e.getCause().getMessage());
            Outcome<String> outcome = cleanupFails.outcome().orElseThrow();
            Outcome.Failure<String> failure = assertInstanceOf(Outcome.Failure.class, outcome);
            assertEquals("cleanup failed while cancelling", failure.cause().getMessage());
        }
    }

    @SimulationTest(seeds = 30)
    void joinNextHandsOutOutcomesInTheOrderTheyEnd(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        try (TaskGroup<String> group = TaskGroup.open(system)) {
            group.spawn(after(30, "third"));
            group.spawn(after(10, "first"));
            group.spawn(after(20, "second"));
            List<String> order = new ArrayList<>();
            Optional<Outcome<String>> next;
            while ((next = group.joinNext()).isPresent()) {
                order.add(((Outcome.Success<String>) next.get()).value());
            }
            assertEquals(List.of("first", "second", "third"), order);
        }
    }

    /** Leaving the group cancels and waits for its tasks: no task and no thread is left behind. Counted. */
    @SimulationTest(seeds = 50)
    void closingLeavesNoTaskAndNoThreadBehind(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        sim.runUntilIdle();
        int threadsBefore = sim.liveThreads();
        List<Task<String>> tasks = new ArrayList<>();
        try (TaskGroup<String> group = TaskGroup.open(system)) {
            for (int i = 0; i < 20; i++) tasks.add(group.spawn(after(1_000 + i, "late")));
            group.spawn(after(5, "quick"));
            sim.advance(Duration.ofMillis(10));
            assertTrue(sim.liveThreads() >= threadsBefore + 20, "20 tasks are running: " + sim.liveThreads());
        } // closed without a join
        sim.runUntilIdle();
        assertEquals(threadsBefore, sim.liveThreads(), "every task thread has ended");
        for (Task<String> t : tasks) {
            assertTrue(t.isDone());
            assertTrue(!t.ref().isAlive(), t + " has left the actor table");
            assertInstanceOf(Outcome.Cancelled.class, t.outcome().orElseThrow());
        }
        assertTrue(ms(sim) < 1_000, "closing did not wait for the sleeps: " + ms(sim));
    }

    @SimulationTest(seeds = 20)
    void aGroupJoinsTasksSpawnedByItsOwnTasks(Simulation sim) {
        ActorSystem system = sim.newSystem("tasks");
        try (TaskGroup<Integer> group = TaskGroup.open(system)) {
            group.spawn(() -> {
                group.spawn(after(20, 2));    // work that spawns more work
                return 1;
            });
            assertEquals(List.of(1, 2), group.join());
        }
    }
}
