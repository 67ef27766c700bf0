package io.heddle;

/**
 * The called actor had stopped before the call, or stopped before it replied. A call to a stopped actor fails at
 * once, never by timing out. {@link #requestHandled()} tells whether a handler had the request (so it may have had
 * effects) or the actor stopped with it still queued, in which case sending it again, to a successor, is safe; a
 * {@link Registry#call call by name} does that by itself.
 */
public final class ActorStoppedException extends CallFailedException {

    private final ExitReason exitReason;
    private final boolean requestHandled;

    /** Creates the exception for a request no handler had; {@code exitReason} may be null if unknown. */
    public ActorStoppedException(Pid target, Class<?> requestType, String message, ExitReason exitReason) {
        this(target, requestType, message, exitReason, false);
    }

    /** Creates the exception; {@code exitReason} may be null if unknown. */
    public ActorStoppedException(Pid target, Class<?> requestType, String message, ExitReason exitReason,
                                 boolean requestHandled) {
        super(target, requestType, message, exitReason instanceof ExitReason.Error(Throwable cause) ? cause : null);
        this.exitReason = exitReason;
        this.requestHandled = requestHandled;
    }

    /**
     * True if a handler had the request before the actor stopped (a deferred reply, a selective receive that had
     * read it); false if the actor was stopped already, or stopped with the request still in its mailbox or stash.
     */
    public boolean requestHandled() {
        return requestHandled;
    }

    /** Returns why the actor stopped, or null if it is not known yet. */
    public ExitReason exitReason() {
        return exitReason;
    }
}
