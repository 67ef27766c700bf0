package io.heddle.supervision;

import java.time.Duration;
import java.util.Objects;

/**
 * How a supervisor stops a child: when it restarts others, when asked to terminate it, and when the supervisor itself
 * stops. The supervisor first unlinks the child, so a deliberate stop is not mistaken for a crash.
 *
 * <p>Thread-safe: immutable values.
 */
public sealed interface Shutdown {

    /** The default for a worker: stop gracefully, wait up to 5 seconds, then kill. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** Kills the child at once: no terminate hooks run. */
    static Shutdown brutalKill() {
        return BrutalKill.INSTANCE;
    }

    /** Asks the child to stop, waits up to {@code timeout} for it, then kills it. */
    static Shutdown timeout(Duration timeout) {
        return new Timeout(timeout);
    }

    /** Asks the child to stop and waits as long as it takes: for child supervisors, whose subtrees stop in turn. */
    static Shutdown infinity() {
        return Infinity.INSTANCE;
    }

    /** Kill at once. */
    record BrutalKill() implements Shutdown {
        static final BrutalKill INSTANCE = new BrutalKill();
    }

    /**
     * Stop, then kill after {@code timeout}.
     *
     * @param timeout how long the child may take to stop; positive
     */
    record Timeout(Duration timeout) implements Shutdown {
        /** Validates the timeout. */
        public Timeout {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("shutdown timeout must be positive, got " + timeout
                        + "; use Shutdown.brutalKill() to kill at once");
            }
        }
    }

    /** Stop and wait without limit. */
    record Infinity() implements Shutdown {
        static final Infinity INSTANCE = new Infinity();
    }
}
