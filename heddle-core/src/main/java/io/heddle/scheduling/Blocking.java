package io.heddle.scheduling;

import java.time.Duration;
import java.util.Objects;

/**
 * How the dispatcher keeps serving ready actors while handlers block in code Heddle cannot see: {@code Thread.sleep},
 * socket and file reads, JDBC, {@code Future.get}, locks, {@code Object.wait}, or a long stretch of CPU work. Set it
 * with {@link io.heddle.ActorSystemConfig#blocking}.
 *
 * <p>A monitor thread looks at the dispatcher's workers every {@code parkedAfter}. A worker whose turn has lasted
 * longer than {@code parkedAfter} while its thread is parked or blocked (its carrier is free) stops counting against
 * the parallelism, its next-to-run actor goes back to the ready queue, and another virtual-thread worker is started or
 * woken for the ready work. A worker whose turn has lasted longer than {@code busyAfter} while its thread is runnable
 * (CPU-bound, or inside native code such as SQLite's, which holds the virtual thread's carrier) is compensated with a
 * platform-thread worker, because a virtual one would need a carrier that the held one may be keeping. A compensated
 * worker counts again when its turn ends; spare workers end themselves. In the spirit of ForkJoinPool's managed
 * blocking, without any call from the handler.
 *
 * <p>At most {@code maxCompensating} workers are compensated at once. When a further worker is held, a
 * {@link WorkersExhausted} event reports it, once until the count drops below the limit again, and ready actors
 * wait for a held worker to return. Handlers are never preempted: a turn runs to its end.
 *
 * <p>Compensation runs in production systems only; a simulation (which forbids waits on real time) has no monitor.
 * Thread-safe: an immutable value.
 *
 * @param enabled         false to run no monitor: a handler blocked outside Heddle then holds its worker
 * @param parkedAfter     how long a turn whose thread is parked may hold a worker before another takes its place, and
 *                        the monitor's period; default 1 ms
 * @param busyAfter       how long a turn whose thread is runnable may hold a worker before a platform worker takes its
 *                        place; default 5 ms
 * @param maxCompensating how many workers may be compensated at once; default 256
 */
public record Blocking(boolean enabled, Duration parkedAfter, Duration busyAfter, int maxCompensating) {

    private static final Blocking DEFAULTS = new Blocking(true, Duration.ofMillis(1), Duration.ofMillis(5), 256);

    /** Validates the components. */
    public Blocking {
        requirePositive(parkedAfter, "parkedAfter");
        requirePositive(busyAfter, "busyAfter");
        if (maxCompensating < 0) {
            throw new IllegalArgumentException("maxCompensating must be >= 0, got " + maxCompensating);
        }
    }

    /** Returns the defaults: enabled, parked after 1 ms, busy after 5 ms, at most 256 compensated workers. */
    public static Blocking defaults() {
        return DEFAULTS;
    }

    /** Returns the defaults, disabled. */
    public static Blocking disabled() {
        return new Blocking(false, DEFAULTS.parkedAfter, DEFAULTS.busyAfter, DEFAULTS.maxCompensating);
    }

    /** Returns this setting with another limit on compensated workers. */
    public Blocking maxCompensating(int value) {
        return new Blocking(enabled, parkedAfter, busyAfter, value);
    }

    /** Returns this setting with other thresholds. */
    public Blocking thresholds(Duration parked, Duration busy) {
        return new Blocking(enabled, parked, busy, maxCompensating);
    }

    private static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
