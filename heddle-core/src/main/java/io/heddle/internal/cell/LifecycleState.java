package io.heddle.internal.cell;

import io.heddle.Behavior;
import io.heddle.ExitReason;
import io.heddle.Health;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The parts of an actor's lifecycle that most actors never use, allocated on first need: the behavior stack of
 * {@code become}, terminate hooks, how its children stop and its health is computed, and the outcome (exit reason,
 * termination and start futures). Each field says which thread may touch it.
 */
final class LifecycleState<M> {

    private static final VarHandle TERMINATION;

    static {
        try {
            TERMINATION = MethodHandles.lookup().findVarHandle(LifecycleState.class, "termination",
                    CompletableFuture.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Actor thread only.
    ArrayDeque<Behavior<M>> behaviorStack;
    ArrayList<Consumer<ExitReason>> terminateHooks;
    /** Stops this actor's children when it terminates, instead of the default (a supervisor's shutdown specs). */
    Runnable childStopper;
    /** Computes this actor's health instead of {@link #health} (a supervisor's aggregate). */
    Supplier<Health> healthSource;

    // Any thread.
    volatile Health health;
    /** Set when the actor starts terminating; read for error messages. */
    volatile ExitReason exitReason;
    /** Set by the actor thread once termination is complete, right before the termination future is completed. */
    volatile boolean terminated;
    volatile CompletableFuture<ExitReason> termination;
    /** Set before the actor is scheduled, by ActorSystem.start; completed by the actor thread. */
    volatile CompletableFuture<Void> started;
    /** Runs, on the stopping thread, when the actor is asked to stop: a task's way to cancel its body. */
    volatile Runnable stopHook;

    /** Returns the termination future, creating it once. The terminating thread completes it if it exists. */
    @SuppressWarnings("unchecked")
    CompletableFuture<ExitReason> terminationFuture() {
        CompletableFuture<ExitReason> future = termination;
        if (future == null) {
            future = new CompletableFuture<>();
            if (!TERMINATION.compareAndSet(this, null, future)) {
                future = (CompletableFuture<ExitReason>) TERMINATION.getVolatile(this);
            }
        }
        return future;
    }

    ArrayDeque<Behavior<M>> behaviorStack() {
        if (behaviorStack == null) behaviorStack = new ArrayDeque<>();
        return behaviorStack;
    }

    ArrayList<Consumer<ExitReason>> terminateHooks() {
        if (terminateHooks == null) terminateHooks = new ArrayList<>(2);
        return terminateHooks;
    }
}
