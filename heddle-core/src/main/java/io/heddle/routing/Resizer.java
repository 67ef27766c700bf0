package io.heddle.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link Pool} grows and shrinks. Every {@code checkEvery}, the pool looks at its workers' mailboxes:
 *
 * <ul>
 *   <li><b>Grow</b> when the messages queued per worker, on average, reach {@code growAt}: by enough workers to bring
 *       the average back under it, up to the pool's maximum.</li>
 *   <li><b>Shrink</b> by one worker when nothing has been queued and no worker has handled a message for
 *       {@code shrinkAfter}, down to the pool's minimum.</li>
 *   <li>After any change, wait {@code cooldown} before the next, so the pool does not oscillate.</li>
 * </ul>
 * A worker removed on shrinking leaves the routing first; messages still in its mailbox go to the other workers, so
 * resizing loses nothing.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param growAt      queued messages per worker that trigger growth; default 10
 * @param shrinkAfter how long the pool must be idle before it shrinks; default 5 s
 * @param cooldown    the least time between two changes; default 1 s
 * @param checkEvery  how often the pool checks its load; default 100 ms
 */
public record Resizer(int growAt, Duration shrinkAfter, Duration cooldown, Duration checkEvery) {

    private static final Resizer DEFAULTS = new Resizer(10, Duration.ofSeconds(5), Duration.ofSeconds(1),
            Duration.ofMillis(100));

    /** Validates the components. */
    public Resizer {
        if (growAt < 1) throw new IllegalArgumentException("growAt must be >= 1, got " + growAt);
        positive(shrinkAfter, "shrinkAfter");
        Objects.requireNonNull(cooldown, "cooldown");
        if (cooldown.isNegative()) throw new IllegalArgumentException("cooldown must not be negative: " + cooldown);
        positive(checkEvery, "checkEvery");
    }

    /** Returns the defaults. */
    public static Resizer defaults() {
        return DEFAULTS;
    }

    /** Returns this resizer growing at {@code messagesPerWorker} queued messages per worker. */
    public Resizer growAt(int messagesPerWorker) {
        return new Resizer(messagesPerWorker, shrinkAfter, cooldown, checkEvery);
    }

    /** Returns this resizer shrinking after {@code idle}. */
    public Resizer shrinkAfter(Duration idle) {
        return new Resizer(growAt, idle, cooldown, checkEvery);
    }

    /** Returns this resizer with another cooldown. */
    public Resizer cooldown(Duration value) {
        return new Resizer(growAt, shrinkAfter, value, checkEvery);
    }

    /** Returns this resizer checking every {@code period}. */
    public Resizer checkEvery(Duration period) {
        return new Resizer(growAt, shrinkAfter, cooldown, period);
    }

    private static void positive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
