package io.heddle.internal.task;

import io.heddle.ActorInterruptedException;
import io.heddle.ActorSystem;
import io.heddle.Cancellable;
import io.heddle.Pid;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.system.SystemImpl;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.task.CancelledException;
import io.heddle.task.Joiner;
import io.heddle.task.Outcome;
import io.heddle.task.Task;
import io.heddle.task.TaskFailedException;
import io.heddle.task.TaskGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The engine of a {@link TaskGroup}: its scope inside the one current when it was opened, its tasks, the outcomes as
 * they arrive, and joining them as a {@link Joiner} says.
 *
 * <p>Threading: the thread that opens the group joins and closes it; any thread may spawn into it until it is closed.
 *
 * @param <T> the tasks' result type
 */
public final class TaskGroupEngine<T> {

    private final SystemImpl system;
    private final ActorCell<?> owner;
    private final Thread ownerThread;
    private final ScopeEngine scope;
    private final RuntimeClock clock;
    private final Cancellable deadlineTimer;
    /** Makes the {@link Task} the user sees for each task spawned. */
    private final Function<TaskEngine<T>, Task<T>> facade;
    private final List<TaskEngine<T>> tasks = new CopyOnWriteArrayList<>();
    /** Outcomes as they arrive, filled by the tasks' threads; drained by the owner. */
    private final ConcurrentLinkedQueue<Outcome<T>> arrived = new ConcurrentLinkedQueue<>();
    /** Owner only: outcomes taken from {@link #arrived}, in the order the tasks ended. */
    private final List<Outcome<T>> ended = new ArrayList<>();
    private int handedOut;
    private volatile boolean closed;
    private boolean joined;

    private TaskGroupEngine(SystemImpl system, Function<TaskEngine<T>, Task<T>> facade) {
        this.system = system;
        this.facade = facade;
        this.owner = TaskEngine.owner(system);
        this.ownerThread = Thread.currentThread();
        this.clock = system.clock();
        ScopeEngine outer = ScopeEngine.current();
        this.scope = outer.child(clock, outer.deadlineOn(clock), null);
        this.deadlineTimer = scope.cancelAtDeadline("task group");
    }

    /** Opens a group whose tasks run in {@code system}. */
    public static <T> TaskGroupEngine<T> open(ActorSystem system, Function<TaskEngine<T>, Task<T>> facade) {
        return new TaskGroupEngine<>((SystemImpl) Objects.requireNonNull(system, "system"), facade);
    }

    /**
     * Opens a group in the actor system of the running actor or task.
     *
     * @throws IllegalStateException outside an actor or a task
     */
    public static <T> TaskGroupEngine<T> openHere(Function<TaskEngine<T>, Task<T>> facade) {
        ActorCell<?> current = TaskSupport.currentCell();
        if (current == null) {
            throw new IllegalStateException("TaskGroup.open() without a system works only inside an actor or a task; "
                    + "here, use TaskGroup.open(system)");
        }
        return new TaskGroupEngine<>(current.system(), facade);
    }

    // ------------------------------------------------------------------------------------------------ spawning

    /**
     * Spawns a task linked to the actor that opened the group.
     *
     * @throws IllegalStateException if the group was not opened in an actor or a task
     */
    public Task<T> spawnLinked(Callable<? extends T> body) {
        if (owner == null) {
            throw new IllegalStateException("spawnLinked links a task to the actor that opened the group; this group "
                    + "was opened outside any actor");
        }
        return spawn("task", true, body);
    }

    /** Spawns a task in the group, linked to the group's actor if {@code linked}. */
    public Task<T> spawn(String name, boolean linked, Callable<? extends T> body) {
        Objects.requireNonNull(body, "body");
        if (closed) throw new IllegalStateException("the task group is closed: spawn before join or close");
        TaskEngine<T> task = TaskEngine.start(system, owner, name, linked, tasks.size(), scope, body, this::arrived,
                facade);
        tasks.add(task);
        return task.task();
    }

    private void arrived(Outcome<T> outcome) {
        arrived.add(outcome);
        LockSupport.unpark(ownerThread);
    }

    // ------------------------------------------------------------------------------------------------ joining

    /**
     * Waits as {@code joiner} says, cancels and waits for the tasks still running once it has its answer, and returns
     * its result. A group is joined once.
     *
     * @throws CancelledException  if the group's scope was cancelled or its deadline passed first, or the joining
     *                             thread was interrupted; the tasks are then cancelled and waited for
     * @throws TaskFailedException as the joiner decides
     */
    public <R> R join(Joiner<T, ? extends R> joiner) {
        requireOwner("join");
        if (joined) throw new IllegalStateException("a task group is joined once");
        joined = true;
        int succeeded = 0;
        int failed = 0;
        int cancelled = 0;
        boolean stopped = false;
        // Tasks may spawn more tasks while the group is joined: wait for those too.
        for (int seen = 0; seen < tasks.size(); seen++) {
            Outcome<T> next = seen < ended.size() ? ended.get(seen) : awaitNext();
            if (next == null) { // the deadline passed, or the group or the joining thread was cancelled
                String why = scope.cancellation().orElse("the joining thread was interrupted");
                cancelAndAwait(why);
                throw new CancelledException("task group cancelled while joining: " + why);
            }
            switch (next) {
                case Outcome.Success<T> s -> succeeded++;
                case Outcome.Failure<T> f -> failed++;
                case Outcome.Cancelled<T> c -> cancelled++;
            }
            if (joiner.onComplete(next, new Joiner.Progress(tasks.size(), seen + 1, succeeded, failed, cancelled))) {
                stopped = true;
                break;
            }
        }
        if (stopped) cancelAndAwait("the group's joiner had its result");
        drainArrived();
        return joiner.result(List.copyOf(ended));
    }

    /**
     * Waits for the next task to end and returns how it ended, in the order they end; empty once every task spawned
     * so far has been handed out.
     *
     * @throws CancelledException if the group's deadline passes or the joining thread is interrupted first
     */
    public Optional<Outcome<T>> joinNext() {
        requireOwner("joinNext");
        if (handedOut >= tasks.size()) return Optional.empty();
        while (ended.size() <= handedOut) {
            if (awaitNext() == null) {
                throw new CancelledException("task group cancelled while waiting: "
                        + scope.cancellation().orElse("the joining thread was interrupted"));
            }
        }
        return Optional.of(ended.get(handedOut++));
    }

    /** Takes the next arrived outcome, waiting for it up to the scope's deadline; null if it passed or interrupted. */
    private Outcome<T> awaitNext() {
        Outcome<T> next = arrived.poll();
        if (next == null) {
            try {
                if (!TaskSupport.await(clock, () -> !arrived.isEmpty(), scope.deadlineOn(clock), this)) return null;
            } catch (ActorInterruptedException e) {
                return null;
            }
            next = arrived.poll();
        }
        ended.add(next);
        return next;
    }

    private void drainArrived() {
        Outcome<T> o;
        while ((o = arrived.poll()) != null) ended.add(o);
    }

    // ------------------------------------------------------------------------------------------------ cancelling

    /** Cancels every task still running; returns at once. */
    public void cancelAll() {
        scope.cancel("the task group was cancelled");
    }

    private void cancelAndAwait(String why) {
        scope.cancel(why);
        for (TaskEngine<T> task : tasks) task.awaitEnd();
    }

    /** Cancels the tasks still running and waits for every task to end; closing twice does nothing. */
    public void close() {
        if (closed) return;
        requireOwner("close");
        closed = true;
        boolean running = false;
        for (TaskEngine<T> task : tasks) running |= !task.isDone();
        if (running) cancelAndAwait("the task group was closed before its tasks had ended");
        if (deadlineTimer != null) deadlineTimer.cancel();
        scope.close();
    }

    // ------------------------------------------------------------------------------------------------ queries

    /** Returns the group's scope. */
    public ScopeEngine scope() {
        return scope;
    }

    /** Returns the tasks spawned so far, in spawn order. */
    public List<Task<T>> tasks() {
        return tasks.stream().map(TaskEngine::task).toList();
    }

    /** Returns the pids of the tasks spawned so far, in spawn order. */
    public List<Pid> taskPids() {
        return tasks.stream().map(TaskEngine::pid).toList();
    }

    private void requireOwner(String operation) {
        if (Thread.currentThread() != ownerThread) {
            throw new IllegalStateException(operation + "() on a task group from " + Thread.currentThread() + ": only "
                    + "the thread that opened the group (" + ownerThread + ") may join and close it");
        }
    }

    @Override
    public String toString() {
        return "TaskGroup[" + tasks.size() + " tasks, " + scope + "]";
    }
}
