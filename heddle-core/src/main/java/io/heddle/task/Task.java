package io.heddle.task;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ExitReason;
import io.heddle.Pid;
import io.heddle.internal.task.TaskEngine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A computation running on a virtual thread of its own, with a pid: Heddle's unit of short-lived concurrent work. A
 * task lives in the actor table like an actor (inspection lists it; it can be linked and monitored), as a child of the
 * actor or task that spawned it, so it stops with its owner. It runs in a {@link CancellationScope} inside its
 * spawner's: cancelling that, or the task, interrupts it.
 *
 * {@snippet :
 * Task<Integer> size = Task.spawn(system, () -> Files.readAllLines(path).size());
 * int lines = size.join();
 * }
 *
 * <p>Most tasks belong in a {@link TaskGroup}, which cancels and waits for whatever is left when it closes, so no task
 * outlives the code that started it. {@link #spawn} is for one task you join yourself; {@link #spawnDetached} is the
 * explicit escape hatch for fire-and-forget work, visible in code review.
 *
 * <p>A task exits {@link ExitReason#NORMAL} with a value, {@link ExitReason.Error} with a failure (so a link to it
 * propagates the failure), or {@link ExitReason#SHUTDOWN} when cancelled.
 *
 * <p>Threading: thread-safe. {@link #join()} blocks only the calling actor when called from a handler.
 *
 * @param <T> what the computation returns
 */
public final class Task<T> {

    private final TaskEngine<T> engine;

    /** Made by the engine, before the task's thread starts. */
    Task(TaskEngine<T> engine) {
        this.engine = engine;
    }

    /**
     * Spawns a task in {@code system}: a child of the current actor or task if the calling code is one of
     * {@code system}'s, otherwise a top-level one; in a scope inside the current one.
     */
    public static <T> Task<T> spawn(ActorSystem system, Callable<? extends T> body) {
        return TaskEngine.<T>spawn(system, body, Task::new).task();
    }

    /**
     * Spawns a task that belongs to nobody: top-level, in no scope, never joined, stopped only by the system's
     * shutdown. Its failure is logged. Returns its pid.
     */
    public static Pid spawnDetached(ActorSystem system, Callable<?> body) {
        return TaskEngine.spawnDetached(system, body, Task::new);
    }

    /**
     * Sleeps for {@code duration} on the clock of the running actor or task's system (virtual time in a simulation,
     * where {@code Thread.sleep} would escape the seed's control), waking early if the current scope is cancelled.
     * From a handler, only that actor waits.
     *
     * @throws CancelledException    if the current {@link CancellationScope} is cancelled, or its deadline passes,
     *                               before the time is up
     * @throws IllegalStateException outside actors and tasks (there is no system clock to sleep on)
     */
    public static void sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        TaskEngine.sleep(duration);
    }

    // ------------------------------------------------------------------------------------------------ API

    /** Returns the task's pid. */
    public Pid pid() {
        return engine.pid();
    }

    /** Returns the task's reference, to link to or monitor it; it accepts no messages. */
    public ActorRef<?> ref() {
        return engine.ref();
    }

    /** Returns the task's name. */
    public String name() {
        return engine.name();
    }

    /** Returns the task's scope: cancel it to cancel the task. */
    public CancellationScope scope() {
        return CancellationScope.of(engine.scope());
    }

    /** Returns true once the computation has ended. */
    public boolean isDone() {
        return engine.isDone();
    }

    /** Returns how the task ended, once it has. */
    public Optional<Outcome<T>> outcome() {
        return engine.outcome();
    }

    /** Cancels the task: its scope is cancelled and its thread interrupted. Returns at once. */
    public void cancel() {
        engine.cancel();
    }

    /**
     * Waits for the task and returns its value.
     *
     * @throws TaskFailedException if it failed (the cause is its failure)
     * @throws CancelledException  if it was cancelled, or the waiting thread's scope was
     */
    public T join() {
        return engine.join();
    }

    /** Its position in its group, in spawn order. */
    int index() {
        return engine.index();
    }

    @Override
    public String toString() {
        return engine.toString();
    }
}
