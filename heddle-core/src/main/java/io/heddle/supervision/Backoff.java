package io.heddle.supervision;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A delay before restarting a child that keeps failing, doubling from {@code initial} up to {@code max}, spread by a
 * random {@code jitter}, so that a crash loop does not become a restart storm (Bastion's and Akka's backoff). The
 * delay goes back to {@code initial} once the child has run for {@code resetAfter} without exiting.
 *
 * {@snippet :
 * ChildSpec.worker("gateway", Gateway::new)
 *         .backoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(10)));
 * }
 *
 * <p>Each restart still counts toward the supervisor's restart intensity. While a child waits for its delay it is
 * listed as restarting and has no reference. The jitter is drawn from the actor system's seeded random source.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param initial    the first delay; positive
 * @param max        the largest delay; at least {@code initial}
 * @param jitter     how much each delay may vary, as a fraction of it, from 0 (none) to 1; default 0.2
 * @param resetAfter how long a child must run to earn the initial delay again; default {@code max}
 */
public record Backoff(Duration initial, Duration max, double jitter, Duration resetAfter) {

    /** Validates the components. */
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff initial delay must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff max " + max + " is below the initial delay " + initial);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("backoff jitter must be between 0 and 1, got " + jitter);
        }
        if (resetAfter.isNegative()) throw new IllegalArgumentException("resetAfter must not be negative");
    }

    /** Returns an exponential backoff from {@code initial} to {@code max}, jitter 0.2, reset after {@code max}. */
    public static Backoff exponential(Duration initial, Duration max) {
        return new Backoff(initial, max, 0.2, max);
    }

    /** Returns this backoff with another jitter. */
    public Backoff withJitter(double value) {
        return new Backoff(initial, max, value, resetAfter);
    }

    /** Returns this backoff with another reset time. */
    public Backoff withResetAfter(Duration value) {
        return new Backoff(initial, max, jitter, value);
    }

    /**
     * Returns the delay before restart number {@code attempt} (0 for the first): {@code initial * 2^attempt}, at most
     * {@code max}, times a random factor in {@code [1 - jitter, 1 + jitter]}, never above {@code max}.
     */
    public Duration delay(int attempt, RandomGenerator random) {
        long cap = max.toNanos();
        long nanos = initial.toNanos();
        for (int i = 0; i < attempt && nanos < cap; i++) nanos = nanos > cap / 2 ? cap : nanos * 2;
        if (jitter > 0) {
            double factor = 1 + jitter * (2 * random.nextDouble() - 1);
            nanos = (long) Math.min(cap, nanos * factor);
        }
        return Duration.ofNanos(Math.max(1, nanos));
    }
}
