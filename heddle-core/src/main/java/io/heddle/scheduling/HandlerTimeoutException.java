package io.heddle.scheduling;

import io.heddle.HeddleException;
import io.heddle.Pid;
import java.time.Duration;

/**
 * A handler overran its actor's handler timeout and was cancelled ({@link TimeoutAction#CANCEL}: the cause of the
 * failed call) or stopped its actor ({@link TimeoutAction#STOP}: the cause in the exit reason).
 */
public final class HandlerTimeoutException extends HeddleException {

    private final Pid actor;
    private final Class<?> messageType;
    private final Duration timeout;

    /** Creates the exception. */
    public HandlerTimeoutException(Pid actor, Class<?> messageType, Duration timeout, String message) {
        super(message);
        this.actor = actor;
        this.messageType = messageType;
        this.timeout = timeout;
    }

    /** Returns the actor whose handler overran. */
    public Pid actor() {
        return actor;
    }

    /** Returns the class of the message being handled. */
    public Class<?> messageType() {
        return messageType;
    }

    /** Returns the timeout the handler overran. */
    public Duration timeout() {
        return timeout;
    }
}
