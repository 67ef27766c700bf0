package io.heddle;

import java.util.Objects;

/**
 * How an actor says it is doing: {@link Healthy}, {@link Degraded} (working, but not fully: a fallback, a slow
 * dependency) or {@link Unhealthy} (not doing its job). An actor sets its own with {@link ActorContext#reportHealth};
 * anyone reads it with {@link ActorRef#health()}; a supervisor aggregates its children's.
 *
 * {@snippet :
 * ctx.reportHealth(Health.degraded("payment provider answers in 4 s"));
 * }
 *
 * <p>Health is a report, not a probe: the runtime does not change it, except that a stopped actor reads as
 * {@link Unhealthy}. Thread-safe: immutable values.
 */
public sealed interface Health {

    /** The actor is doing its job. Every actor starts healthy. */
    Health HEALTHY = new Healthy();

    /** Returns a degraded health with the reason. */
    static Health degraded(String reason) {
        return new Degraded(reason);
    }

    /** Returns an unhealthy health with the reason. */
    static Health unhealthy(String reason) {
        return new Unhealthy(reason);
    }

    /** Returns 0 for healthy, 1 for degraded, 2 for unhealthy: larger is worse. */
    default int severity() {
        return switch (this) {
            case Healthy h -> 0;
            case Degraded d -> 1;
            case Unhealthy u -> 2;
        };
    }

    /** Returns the worse of this and {@code other}, this one on a tie. */
    default Health worst(Health other) {
        return other.severity() > severity() ? other : this;
    }

    /** Doing its job. Use {@link #HEALTHY}. */
    record Healthy() implements Health {
        @Override
        public String toString() {
            return "healthy";
        }
    }

    /**
     * Working, but not fully.
     *
     * @param reason what is wrong, for people
     */
    record Degraded(String reason) implements Health {
        /** Rejects a null reason. */
        public Degraded {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "degraded: " + reason;
        }
    }

    /**
     * Not doing its job.
     *
     * @param reason what is wrong, for people
     */
    record Unhealthy(String reason) implements Health {
        /** Rejects a null reason. */
        public Unhealthy {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "unhealthy: " + reason;
        }
    }
}
