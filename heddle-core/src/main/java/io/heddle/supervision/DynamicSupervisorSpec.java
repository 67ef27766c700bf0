package io.heddle.supervision;

import java.time.Duration;
import java.util.Objects;

/**
 * A dynamic supervisor's options: Elixir's {@code DynamicSupervisor}. Children are added at run time with
 * {@link DynamicSupervisor#startChild}, identified by their references, and restarted one for one.
 *
 * {@snippet :
 * DynamicSupervisor sessions = DynamicSupervisor.start(system, DynamicSupervisorSpec.defaults().maxChildren(10_000));
 * }
 *
 * <p>Defaults: restart intensity 3 restarts in 5 seconds (see {@link SupervisorSpec}), no limit on children, no
 * minimum of healthy children. Thread-safe: an immutable value.
 *
 * @param maxRestarts restarts allowed within {@code period}
 * @param period      the intensity window
 * @param maxChildren the most children at once, or {@link Integer#MAX_VALUE} for no limit
 * @param minHealthy  the redundancy threshold, 0 for none
 */
public record DynamicSupervisorSpec(int maxRestarts, Duration period, int maxChildren, int minHealthy) {

    /** Validates the components. */
    public DynamicSupervisorSpec {
        Objects.requireNonNull(period, "period");
        if (maxRestarts < 0) throw new IllegalArgumentException("maxRestarts must be >= 0, got " + maxRestarts);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("restart intensity period must be positive, got " + period);
        }
        if (maxChildren < 1) throw new IllegalArgumentException("maxChildren must be >= 1, got " + maxChildren);
        if (minHealthy < 0) throw new IllegalArgumentException("minHealthy must be >= 0, got " + minHealthy);
    }

    /** Returns the defaults. */
    public static DynamicSupervisorSpec defaults() {
        return new DynamicSupervisorSpec(SupervisorSpec.DEFAULT_MAX_RESTARTS, SupervisorSpec.DEFAULT_PERIOD,
                Integer.MAX_VALUE, 0);
    }

    /** Returns this spec allowing at most {@code restarts} restarts within {@code within}. */
    public DynamicSupervisorSpec restartIntensity(int restarts, Duration within) {
        return new DynamicSupervisorSpec(restarts, within, maxChildren, minHealthy);
    }

    /** Returns this spec with a limit on children. */
    public DynamicSupervisorSpec maxChildren(int value) {
        return new DynamicSupervisorSpec(maxRestarts, period, value, minHealthy);
    }

    /** Returns this spec with a minimum number of healthy children. */
    public DynamicSupervisorSpec minHealthy(int value) {
        return new DynamicSupervisorSpec(maxRestarts, period, maxChildren, value);
    }
}
