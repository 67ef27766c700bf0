package io.heddle.supervision;

import io.heddle.HeddleException;
import java.time.Duration;

/**
 * The error with which a supervisor exits when its children needed more restarts than its restart intensity allows:
 * its own supervisor then decides what to do (escalation). The message names the supervisor, the intensity and the
 * child whose exit was one too many, with that exit's reason.
 */
public final class RestartIntensityExceededException extends HeddleException {

    private final int maxRestarts;
    private final Duration period;

    /** Creates the exception. */
    public RestartIntensityExceededException(String message, int maxRestarts, Duration period, Throwable lastCause) {
        super(message, lastCause);
        this.maxRestarts = maxRestarts;
        this.period = period;
    }

    /** Returns the restarts the supervisor allowed. */
    public int maxRestarts() {
        return maxRestarts;
    }

    /** Returns the window they were allowed in. */
    public Duration period() {
        return period;
    }
}
