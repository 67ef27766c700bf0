package io.heddle.task;

import io.heddle.HeddleException;

/**
 * The work was cancelled: a {@link CancellationScope#checkpoint()} in a cancelled scope or one past its deadline, a
 * call made in such a scope, or the join of a {@link TaskGroup} or {@link Task} whose work was cancelled. The message
 * says why.
 */
public final class CancelledException extends HeddleException {

    /** Creates the exception. */
    public CancelledException(String reason) {
        super(reason);
    }

    /** Creates the exception with the failure that revealed the cancellation (an interrupt, usually). */
    public CancelledException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
