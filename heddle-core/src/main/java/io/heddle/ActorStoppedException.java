package io.heddle;

/**
 * The called actor had stopped before the call, or stopped before it replied. A call to a stopped actor fails at
 * once, never by timing out.
 */
public final class ActorStoppedException extends CallFailedException {

    private final ExitReason exitReason;

    /** Creates the exception; {@code exitReason} may be null if unknown. */
    public ActorStoppedException(Pid target, Class<?> requestType, String message, ExitReason exitReason) {
        super(target, requestType, message, exitReason instanceof ExitReason.Error(Throwable cause) ? cause : null);
        this.exitReason = exitReason;
    }

    /** Returns why the actor stopped, or null if it is not known yet. */
    public ExitReason exitReason() {
        return exitReason;
    }
}
