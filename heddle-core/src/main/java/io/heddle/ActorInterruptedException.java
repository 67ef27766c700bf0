package io.heddle;

/**
 * A handler's wait in a Heddle operation (a call, selective receive, a send to a full mailbox) was interrupted,
 * usually because the actor is being killed or its graceful stop ran out of time. The thread's interrupt status is set
 * again when this is thrown. Let it propagate.
 */
public final class ActorInterruptedException extends HeddleException {

    /** Creates the exception. */
    public ActorInterruptedException(String message) {
        super(message);
    }
}
