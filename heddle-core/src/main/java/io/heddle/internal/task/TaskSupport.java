package io.heddle.internal.task;

import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.cell.CellContext;
import io.heddle.internal.dispatch.TurnRunner;
import io.heddle.internal.sched.HandlerRun;
import io.heddle.internal.system.SystemImpl;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.ActorInterruptedException;
import io.heddle.ActorSystem;
import io.heddle.Backend;
import io.heddle.Behaviors;
import io.heddle.ExitReason;
import io.heddle.SpawnOptions;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The runtime's side of tasks (io.heddle.task): a task is an actor cell of its own kind, with a pid, a place in the
 * tree and in the actor table, links and monitors, whose only work is one computation run on a virtual thread of its
 * own. Used by the task engines here and by the routing engine; this package is not exported.
 */
public final class TaskSupport {

    private TaskSupport() {}

    /** Returns the cell whose code is running on this thread (an actor's handler or a task's body), or null. */
    public static ActorCell<?> currentCell() {
        return TurnRunner.currentCell();
    }

    /** Returns the clock of the system the running code belongs to, or null outside actors and tasks. */
    public static RuntimeClock currentClock() {
        ActorCell<?> cell = TurnRunner.currentCell();
        return cell == null ? null : cell.system().clock();
    }

    /** Returns {@code system}'s clock. */
    public static RuntimeClock clockOf(ActorSystem system) {
        return ((SystemImpl) Objects.requireNonNull(system, "system")).clock();
    }

    /**
     * Spawns a task cell: a child of {@code owner} (linked to it if {@code linked}), or top-level when {@code owner}
     * is null. It runs {@code body} once, on its own virtual thread, and exits with the reason the body returns.
     * {@code onStop} runs on the stopping thread when someone asks the task to stop (its owner stopping, for one): it
     * should cancel the body.
     */
    public static ActorCell<?> spawnTask(SystemImpl system, ActorCell<?> owner, String name, boolean linked,
                                         Supplier<ExitReason> body, Runnable onStop, Consumer<ActorCell<?>> bind) {
        SpawnOptions options = SpawnOptions.named(name).backend(Backend.virtualThread());
        return system.spawnCell(owner, Behaviors.<Object>setup(ctx -> {
            ActorCell<?> self = ((CellContext<Object>) ctx).cell();
            self.requestExit(body.get());
            return (c, m) -> Behaviors.unhandled();
        }), options, false, linked, cell -> {
            cell.markTask();
            cell.onStopRequested(onStop);
            bind.accept(cell);
        });
    }

    /**
     * Parks the calling thread until {@code done} holds or {@code deadlineNanos} passes on {@code clock}, handing a
     * dispatcher worker's place to another meanwhile. Returns whether {@code done} holds. Callers unpark it when
     * {@code done} may have changed.
     *
     * @throws ActorInterruptedException if the thread is interrupted (the interrupt status is kept)
     */
    public static boolean await(RuntimeClock clock, BooleanSupplier done, long deadlineNanos, Object blocker) {
        if (done.getAsBoolean()) return true;
        TurnRunner blocked = TurnRunner.beginBlocking();
        // An actor with Reentrancy.FULL handles other messages while its handler waits here.
        ActorCell<?> cell = TurnRunner.currentCell();
        HandlerRun suspended = cell == null ? null : cell.suspend(0);
        try {
            while (!done.getAsBoolean()) {
                long remaining = deadlineNanos - clock.nanoTime();
                if (remaining <= 0) return false;
                clock.parkNanos(blocker, remaining);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new ActorInterruptedException("interrupted while waiting for " + blocker);
                }
            }
            return true;
        } finally {
            try {
                if (suspended != null) cell.resume(suspended);
            } finally {
                TurnRunner.endBlocking(blocked);
            }
        }
    }
}
