package io.heddle.internal;

/**
 * A thread that runs actor turns: a dispatcher worker or an actor's dedicated thread. The current carrier is found
 * through a thread-local, which tells the runtime which actor is running on this thread and whether a wait here must
 * hand the worker's place to another.
 */
abstract class Carrier {

    private static final ThreadLocal<Carrier> CURRENT = new ThreadLocal<>();

    /** The actor whose turn is running here, or null between turns. Written and read by the carrier's thread. */
    ActorCell<?> running;

    static Carrier current() {
        return CURRENT.get();
    }

    /** Returns the actor running on the current thread, or null if the thread is not running an actor. */
    static ActorCell<?> currentCell() {
        Carrier c = CURRENT.get();
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
    static Carrier beginBlocking() {
        Carrier c = CURRENT.get();
        return c != null && c.enterBlocking() ? c : null;
    }

    /** Called after the wait that {@link #beginBlocking()} announced. Accepts null. */
    static void endBlocking(Carrier carrier) {
        if (carrier != null) carrier.exitBlocking();
    }

    /** Returns true if the carrier changed its state and needs {@link #exitBlocking()} later. */
    abstract boolean enterBlocking();

    abstract void exitBlocking();
}
