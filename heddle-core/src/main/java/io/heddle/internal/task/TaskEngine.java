package io.heddle.internal.task;

import io.heddle.ActorInterruptedException;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ExitReason;
import io.heddle.Pid;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.system.SystemImpl;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.task.CancelledException;
import io.heddle.task.Outcome;
import io.heddle.task.Task;
import io.heddle.task.TaskFailedException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine of a {@link Task}: a task cell (see {@link TaskSupport#spawnTask}) running one computation in a scope of
 * its own inside its spawner's, and the outcome it ends with. The {@link Task} the user sees is made by the factory
 * the API passes in, before the task's thread starts, so outcomes can name it.
 *
 * <p>Threading: thread-safe.
 *
 * @param <T> what the computation returns
 */
public final class TaskEngine<T> {

    private static final System.Logger LOG = System.getLogger("io.heddle.task");

    private final Task<T> task;
    private final int index;
    private final String name;
    private final ScopeEngine scope;
    private final RuntimeClock clock;
    private final CompletableFuture<Outcome<T>> outcome = new CompletableFuture<>();
    /** Set before the task's thread starts. */
    private volatile ActorCell<?> cell;

    private TaskEngine(int index, String name, ScopeEngine scope, RuntimeClock clock,
                       Function<TaskEngine<T>, Task<T>> facade) {
        this.index = index;
        this.name = name;
        this.scope = scope;
        this.clock = clock;
        this.task = facade.apply(this);
    }

    /**
     * Spawns a task in {@code system}: a child of the current actor or task if the calling code is one of
     * {@code system}'s, otherwise a top-level one; in a scope inside the current one.
     */
    public static <T> TaskEngine<T> spawn(ActorSystem system, Callable<? extends T> body,
                                          Function<TaskEngine<T>, Task<T>> facade) {
        return start((SystemImpl) Objects.requireNonNull(system, "system"), owner(system), "task", false, 0,
                ScopeEngine.current(), Objects.requireNonNull(body, "body"), o -> { }, facade);
    }

    /**
     * Spawns a task that belongs to nobody: top-level, in no scope, never joined, stopped only by the system's
     * shutdown. Its failure is logged. Returns its pid.
     */
    public static Pid spawnDetached(ActorSystem system, Callable<?> body,
                                    Function<TaskEngine<Object>, Task<Object>> facade) {
        Objects.requireNonNull(body, "body");
        TaskEngine<Object> task = start((SystemImpl) Objects.requireNonNull(system, "system"), null, "detached-task",
                false, 0, ScopeEngine.ROOT, body::call, o -> {
                    if (o instanceof Outcome.Failure<Object>(Task<Object> t, Throwable cause)) {
                        LOG.log(Level.WARNING, "detached task " + t + " failed", cause);
                    }
                }, facade);
        return task.pid();
    }

    /** The current cell, if it belongs to {@code system}. */
    static ActorCell<?> owner(ActorSystem system) {
        ActorCell<?> current = TaskSupport.currentCell();
        return current != null && current.system() == system ? current : null;
    }

    /** Starts a task; {@code onDone} runs on the task's thread with its outcome, before it exits. */
    static <T> TaskEngine<T> start(SystemImpl system, ActorCell<?> owner, String name, boolean linked, int index,
                                   ScopeEngine parentScope, Callable<? extends T> body, Consumer<Outcome<T>> onDone,
                                   Function<TaskEngine<T>, Task<T>> facade) {
        ScopeEngine scope = parentScope.child(system.clock(), parentScope.deadlineOn(system.clock()), null);
        TaskEngine<T> task = new TaskEngine<>(index, name, scope, system.clock(), facade);
        ActorCell<?> cell = TaskSupport.spawnTask(system, owner, name, linked, () -> task.run(body, onDone),
                () -> scope.cancel("task " + task + " was asked to stop"), c -> task.cell = c);
        task.cell = cell;
        return task;
    }

    /** Runs the body on the task's own thread; returns the exit reason of its cell. */
    private ExitReason run(Callable<? extends T> body, Consumer<Outcome<T>> onDone) {
        Thread me = Thread.currentThread();
        scope.join(me);
        Outcome<T> result;
        ExitReason reason;
        try {
            T value = ScopedValue.where(Scopes.CURRENT, scope).call(body::call);
            result = new Outcome.Success<>(task, value);
            reason = ExitReason.NORMAL;
        } catch (Throwable failure) {
            if (scope.isCancelled() && isCancellation(failure)) {
                result = new Outcome.Cancelled<>(task, scope.cancellation().orElse("cancelled"));
                reason = ExitReason.SHUTDOWN;
            } else {
                result = new Outcome.Failure<>(task, failure);
                reason = ExitReason.error(failure);
            }
        } finally {
            scope.leave(me);
            scope.close();
        }
        outcome.complete(result);
        try {
            onDone.accept(result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the completion callback of " + this + " threw; ignored", e);
        }
        return reason;
    }

    /**
     * True for the ways a cancelled body ends: an interrupt, or a checkpoint that raised, perhaps rethrown inside a
     * plain wrapper ({@code new RuntimeException(e)}). Any other exception, even one caused by the cancellation (a
     * cleanup that failed), is a failure of its own and is reported as one.
     */
    private static boolean isCancellation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CancelledException || t instanceof InterruptedException
                    || t instanceof ActorInterruptedException || t instanceof InterruptedIOException
                    || t instanceof ClosedByInterruptException) {
                return true;
            }
            Class<?> type = t.getClass();
            boolean plainWrapper = type == RuntimeException.class || type == CompletionException.class
                    || type == ExecutionException.class || type == UndeclaredThrowableException.class;
            if (!plainWrapper) return false;
        }
        return false;
    }

    /**
     * Sleeps for {@code duration} on the clock of the running actor or task's system, waking early if the current
     * scope is cancelled. From a handler, only that actor waits.
     *
     * @throws CancelledException    if the current scope is cancelled, or its deadline passes, before the time is up
     * @throws IllegalStateException outside actors and tasks (there is no system clock to sleep on)
     */
    public static void sleep(Duration duration) {
        RuntimeClock clock = TaskSupport.currentClock();
        if (clock == null) {
            throw new IllegalStateException("Task.sleep needs the clock of an actor system: call it from an actor or "
                    + "a task");
        }
        ScopeEngine scope = ScopeEngine.current();
        scope.checkpoint();
        long end = clock.nanoTime() + duration.toNanos();
        try {
            TaskSupport.await(clock, () -> clock.nanoTime() >= end, Math.min(end, scope.deadlineOn(clock)), scope);
        } catch (ActorInterruptedException e) {
            scope.checkpoint();
            throw e;
        }
        scope.checkpoint();
    }

    // ------------------------------------------------------------------------------------------------ state

    /** Returns the task the user sees. */
    public Task<T> task() {
        return task;
    }

    /** Returns the task's pid. */
    public Pid pid() {
        return cell.pid();
    }

    /** Returns the task's reference; it accepts no messages. */
    public ActorRef<?> ref() {
        return cell;
    }

    /** Returns the task's name. */
    public String name() {
        return name;
    }

    /** Returns the task's scope. */
    public ScopeEngine scope() {
        return scope;
    }

    /** Returns true once the computation has ended. */
    public boolean isDone() {
        return outcome.isDone();
    }

    /** Returns how the task ended, once it has. */
    public Optional<Outcome<T>> outcome() {
        return Optional.ofNullable(outcome.getNow(null));
    }

    /** Its position in its group, in spawn order. */
    public int index() {
        return index;
    }

    /** Cancels the task: its scope is cancelled and its thread interrupted. Returns at once. */
    public void cancel() {
        scope.cancel("task " + this + " was cancelled");
    }

    /**
     * Waits for the task and returns its value.
     *
     * @throws TaskFailedException if it failed (the cause is its failure)
     * @throws CancelledException  if it was cancelled, or the waiting thread's scope was
     */
    public T join() {
        Thread me = Thread.currentThread();
        outcome.whenComplete((o, e) -> LockSupport.unpark(me));
        ScopeEngine waiting = ScopeEngine.current();
        if (!TaskSupport.await(clock, outcome::isDone, waiting.deadlineOn(clock), this)) {
            cancel();
            awaitEnd();
            throw new CancelledException("gave up joining " + this + ": the deadline of the joining scope passed");
        }
        return switch (outcome.join()) {
            case Outcome.Success<T>(Task<T> t, T value) -> value;
            case Outcome.Failure<T>(Task<T> t, Throwable cause) -> throw new TaskFailedException(pid(),
                    "task " + this + " failed: " + cause, cause);
            case Outcome.Cancelled<T>(Task<T> t, String reason) -> throw new CancelledException("task " + this
                    + " was cancelled: " + reason);
        };
    }

    /** Waits for the task to end, whatever it takes, keeping an interrupt for afterwards. */
    void awaitEnd() {
        Thread me = Thread.currentThread();
        outcome.whenComplete((o, e) -> LockSupport.unpark(me));
        boolean interrupted = Thread.interrupted();
        while (!outcome.isDone()) {
            try {
                TaskSupport.await(clock, outcome::isDone, Long.MAX_VALUE, this);
            } catch (ActorInterruptedException e) {
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) me.interrupt();
    }

    @Override
    public String toString() {
        ActorCell<?> c = cell;
        return c == null ? name : c.toString();
    }
}
