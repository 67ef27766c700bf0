package io.heddle.task;

import io.heddle.ActorSystem;
import io.heddle.Pid;
import io.heddle.internal.task.TaskGroupEngine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A scope that owns its tasks: Trio's nursery, Loom's structured task scope. Tasks spawned in a group run
 * concurrently; {@link #join} waits for them as its {@link Joiner} says; and leaving the group, by {@link #close()} at
 * the end of a try-with-resources block, cancels whatever is still running and waits for it, so no task outlives its
 * group.
 *
 * {@snippet :
 * try (TaskGroup<Quote> group = TaskGroup.open(system)) {
 *     for (Supplier supplier : suppliers) group.spawn(() -> supplier.quote(sku));
 *     List<Quote> quotes = group.join();                           // all of them, or the first failure
 * }
 * }
 *
 * <p><b>Scopes.</b> The group has a {@link CancellationScope} inside the one current when it was opened; each task has
 * one inside the group's. Cancelling an outer scope cancels the group; a deadline bounds the join, which cancels the
 * tasks left when it passes and throws {@link CancelledException}.
 *
 * <p><b>Actors.</b> Opened in an actor's handler, the group's tasks are that actor's children: if the actor stops,
 * they are cancelled. {@link #spawnLinked} also links a task to its actor, so the task's failure stops the actor
 * (or reaches it as an exit signal, if it traps exits), like a linked actor's.
 *
 * <p><b>Threading.</b> The thread that opens the group joins and closes it; any thread may spawn into it until it is
 * closed, including its own tasks (for work that spawns more work). Joining from a handler blocks only that actor.
 *
 * @param <T> the tasks' result type
 */
public final class TaskGroup<T> implements AutoCloseable {

    private final TaskGroupEngine<T> engine;

    private TaskGroup(TaskGroupEngine<T> engine) {
        this.engine = engine;
    }

    /** Opens a group whose tasks run in {@code system}. */
    public static <T> TaskGroup<T> open(ActorSystem system) {
        return new TaskGroup<>(TaskGroupEngine.open(system, Task::new));
    }

    /**
     * Opens a group in the actor system of the running actor or task.
     *
     * @throws IllegalStateException outside an actor or a task: use {@link #open(ActorSystem)}
     */
    public static <T> TaskGroup<T> open() {
        return new TaskGroup<>(TaskGroupEngine.openHere(Task::new));
    }

    // ------------------------------------------------------------------------------------------------ spawning

    /** Spawns a task in the group. */
    public Task<T> spawn(Callable<? extends T> body) {
        return engine.spawn("task", false, body);
    }

    /** Spawns a task in the group with a name, for logs and inspection. */
    public Task<T> spawn(String name, Callable<? extends T> body) {
        return engine.spawn(name, false, body);
    }

    /**
     * Spawns a task linked to the actor that opened the group: if the task fails, the actor exits too (or gets an exit
     * signal, if it traps exits), as with a linked actor.
     *
     * @throws IllegalStateException if the group was not opened in an actor or a task
     */
    public Task<T> spawnLinked(Callable<? extends T> body) {
        return engine.spawnLinked(body);
    }

    // ------------------------------------------------------------------------------------------------ joining

    /**
     * Waits for every task and returns their values in spawn order, or, at the first failure, cancels the rest and
     * throws it: {@link Joiner#firstFailure()}.
     */
    public List<T> join() {
        return join(Joiner.firstFailure());
    }

    /**
     * Waits as {@code joiner} says, cancels and waits for the tasks still running once it has its answer, and returns
     * its result. A group is joined once.
     *
     * @throws CancelledException  if the group's scope was cancelled or its deadline passed first, or the joining
     *                             thread was interrupted; the tasks are then cancelled and waited for
     * @throws TaskFailedException as the joiner decides
     */
    public <R> R join(Joiner<T, ? extends R> joiner) {
        Objects.requireNonNull(joiner, "joiner");
        return engine.join(joiner);
    }

    /**
     * Waits for the next task to end and returns how it ended, in the order they end; empty once every task spawned
     * so far has been handed out.
     *
     * @throws CancelledException if the group's deadline passes or the joining thread is interrupted first
     */
    public Optional<Outcome<T>> joinNext() {
        return engine.joinNext();
    }

    // ------------------------------------------------------------------------------------------------ cancelling

    /** Cancels every task still running; returns at once. The group can still be joined, to see how they ended. */
    public void cancelAll() {
        engine.cancelAll();
    }

    /**
     * Cancels the tasks still running and waits for every task to end. Called by try-with-resources; closing twice
     * does nothing.
     */
    @Override
    public void close() {
        engine.close();
    }

    // ------------------------------------------------------------------------------------------------ queries

    /** Returns the group's scope. */
    public CancellationScope scope() {
        return CancellationScope.of(engine.scope());
    }

    /** Returns the tasks spawned so far, in spawn order. */
    public List<Task<T>> tasks() {
        return engine.tasks();
    }

    /** Returns the pids of the tasks spawned so far, in spawn order. */
    public List<Pid> taskPids() {
        return engine.taskPids();
    }

    @Override
    public String toString() {
        return engine.toString();
    }
}
