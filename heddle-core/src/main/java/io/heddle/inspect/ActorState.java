package io.heddle.inspect;

/** Where an actor is, as inspection sees it at one moment. */
public enum ActorState {
    /** Spawned; its init has not finished. */
    STARTING,
    /** Nothing to do: no turn queued or running. */
    IDLE,
    /** A turn is queued or running. */
    RUNNING,
    /** Its handler waits: for a reply to a call, or in a selective receive. */
    WAITING,
    /** Stopping: its children stop, then its terminate hooks run. */
    STOPPING,
    /** Stopped. */
    STOPPED
}
