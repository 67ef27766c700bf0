package io.heddle;

import java.time.Duration;

/**
 * No reply came before the call's timeout. The message names the target, the request type, the time waited and the
 * target's mailbox depth, which together usually tell whether the actor is overloaded, blocked, or never replies.
 */
public final class CallTimeoutException extends CallFailedException {

    private final Duration elapsed;
    private final int queueDepth;

    /** Creates the exception. */
    public CallTimeoutException(Pid target, Class<?> requestType, String message, Duration elapsed, int queueDepth) {
        super(target, requestType, message, null);
        this.elapsed = elapsed;
        this.queueDepth = queueDepth;
    }

    /** Returns how long the caller waited. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Returns the number of messages in the target's mailbox when the call timed out. */
    public int queueDepth() {
        return queueDepth;
    }
}
