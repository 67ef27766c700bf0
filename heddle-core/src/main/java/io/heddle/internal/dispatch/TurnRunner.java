package io.heddle.internal.dispatch;

import io.heddle.internal.cell.ActorCell;

/**
 * A thread that runs actor turns: a dispatcher worker or an actor's dedicated thread. The current carrier is found
 * through a thread-local, which tells the runtime which actor is running on this thread and whether a wait here must
 * hand the worker's place to another.
 */
public abstract class TurnRunner {

    private static final ThreadLocal<TurnRunner> CURRENT = new ThreadLocal<>();

    /** The actor whose turn is running here, or null between turns. Written and read by the carrier's thread. */
    ActorCell<?> running;

    public static TurnRunner current() {
        return CURRENT.get();
    }

    /** Returns the actor running on the current thread, or null if the thread is not running an actor. */
    public static ActorCell<?> currentCell() {
        TurnRunner c = CURRENT.get();
        return c == null ? null : c.running;
    }

    void bindToCurrentThread() {
        CURRENT.set(this);
    }

    void unbindFromCurrentThread() {
        CURRENT.remove();
    }

    /**
     * Called before the current thread parks in a Heddle wait. Returns the carrier to pass to {@link #endBlocking},
     * or null if nothing needs restoring.
     */
    public static TurnRunner beginBlocking() {
        TurnRunner c = CURRENT.get();
        return c != null && c.enterBlocking() ? c : null;
    }

    /** Called after the wait that {@link #beginBlocking()} announced. Accepts null. */
    public static void endBlocking(TurnRunner carrier) {
        if (carrier != null) carrier.exitBlocking();
    }

    /** Returns true if the carrier changed its state and needs {@link #exitBlocking()} later. */
    abstract boolean enterBlocking();

    abstract void exitBlocking();
}
