package io.heddle.scheduling;

import io.heddle.spi.SchedulingMetrics;
import java.time.Duration;
import java.util.Objects;

/**
 * The system's scheduling watchdog: starvation detection (Akka's starvation detector) and blocked-worker detection
 * (the counterpart of the roadmap's WarnOnBlocking). Set it with {@link io.heddle.ActorSystemConfig#watchdog}.
 *
 * <p><b>Starvation.</b> Every {@code probeInterval} the watchdog sends a probe message to an internal actor that does
 * nothing else, and measures how long the probe waits to be handled: the scheduling delay of ready work. Each delay
 * goes to {@link SchedulingMetrics#schedulingDelay}; a delay past {@code starvationWarning} raises a
 * {@link Starvation} event of severity {@link Starvation.Severity#WARNING}, past {@code starvationCritical} one of
 * severity {@link Starvation.Severity#CRITICAL} with a dump of the dispatcher workers and the carrier threads. A probe
 * that is not handled at all is reported while it waits, so a fully blocked system is noticed too.
 *
 * <p><b>Blocked workers.</b> A dispatcher worker that runs one actor's turn for longer than {@code blockedThreshold}
 * without waiting in Heddle is reported once per turn as a {@link BlockedWorker} event, with its stack.
 *
 * <p>The watchdog wakes every {@code min(probeInterval, blockedThreshold / 2)} on the system's timer thread; a check
 * reads a few fields per worker. Thread-safe: an immutable value.
 *
 * @param enabled            false to run no watchdog at all
 * @param probeInterval      how often to probe; default 1 s
 * @param starvationWarning  the delay that raises a warning; default 100 ms
 * @param starvationCritical the delay that raises a critical event with a thread dump; default 1 s
 * @param blockedThreshold   how long a turn may hold a worker before it is reported; default 100 ms
 */
public record Watchdog(boolean enabled, Duration probeInterval, Duration starvationWarning,
                       Duration starvationCritical, Duration blockedThreshold) {

    private static final Watchdog DEFAULTS = new Watchdog(true, Duration.ofSeconds(1), Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofMillis(100));

    /** Validates the components. */
    public Watchdog {
        requirePositive(probeInterval, "probeInterval");
        requirePositive(starvationWarning, "starvationWarning");
        requirePositive(starvationCritical, "starvationCritical");
        requirePositive(blockedThreshold, "blockedThreshold");
        if (starvationCritical.compareTo(starvationWarning) < 0) {
            throw new IllegalArgumentException("starvationCritical (" + starvationCritical + ") must not be below "
                    + "starvationWarning (" + starvationWarning + ")");
        }
    }

    /** Returns the defaults: enabled, probe every second, warn at 100 ms, critical at 1 s, blocked at 100 ms. */
    public static Watchdog defaults() {
        return DEFAULTS;
    }

    /** Returns the defaults, disabled. */
    public static Watchdog disabled() {
        return DEFAULTS.enabled(false);
    }

    /** Returns this watchdog enabled or disabled. */
    public Watchdog enabled(boolean value) {
        return new Watchdog(value, probeInterval, starvationWarning, starvationCritical, blockedThreshold);
    }

    /** Returns this watchdog with another probe interval. */
    public Watchdog probeInterval(Duration value) {
        return new Watchdog(enabled, value, starvationWarning, starvationCritical, blockedThreshold);
    }

    /** Returns this watchdog with other starvation thresholds. */
    public Watchdog starvation(Duration warning, Duration critical) {
        return new Watchdog(enabled, probeInterval, warning, critical, blockedThreshold);
    }

    /** Returns this watchdog with another blocked-worker threshold. */
    public Watchdog blockedThreshold(Duration value) {
        return new Watchdog(enabled, probeInterval, starvationWarning, starvationCritical, value);
    }

    private static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
