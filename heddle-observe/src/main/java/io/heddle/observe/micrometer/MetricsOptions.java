package io.heddle.observe.micrometer;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link HeddleMetrics} tags and samples.
 *
 * {@snippet :
 * var options = MetricsOptions.defaults().pidTags(true).snapshotMaxAge(Duration.ofMillis(500));
 * }
 *
 * <p>Thread-safe: an immutable value. The constructor and the {@code with}-style methods throw
 * {@link NullPointerException} for a null age and {@link IllegalArgumentException} for a negative one.
 *
 * @param pidTags        true to give the per-actor meters a {@link MeterTags#PID} tag as well, and so a series per
 *                       actor rather than per label; the meters of an actor are removed when it stops. Off by default:
 *                       every actor then multiplies the number of series, so keep it for a few long-lived actors
 * @param snapshotMaxAge how long the {@link MeterNames#MAILBOX_SIZE} gauges reuse one inspection of the actor table
 *                       before taking another, measured on the registry's clock; default 1 s, zero for every read
 */
public record MetricsOptions(boolean pidTags, Duration snapshotMaxAge) {

    private static final MetricsOptions DEFAULTS = new MetricsOptions(false, Duration.ofSeconds(1));

    /** Validates the components. */
    public MetricsOptions {
        Objects.requireNonNull(snapshotMaxAge, "snapshotMaxAge");
        if (snapshotMaxAge.isNegative()) {
            throw new IllegalArgumentException("snapshotMaxAge must be zero or positive, got " + snapshotMaxAge);
        }
    }

    /** Returns the defaults: no pid tags, a snapshot reused for 1 s. */
    public static MetricsOptions defaults() {
        return DEFAULTS;
    }

    /** Returns these options with pid tags on or off. */
    public MetricsOptions pidTags(boolean value) {
        return new MetricsOptions(value, snapshotMaxAge);
    }

    /** Returns these options with another snapshot age. */
    public MetricsOptions snapshotMaxAge(Duration value) {
        return new MetricsOptions(pidTags, value);
    }
}
