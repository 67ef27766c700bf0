package io.heddle.dashboard;

/**
 * How long one actor's handlers have taken, as {@link HandlerTimings} measured them.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param count       handlers timed (messages, timers and signals; not init)
 * @param ewmaNanos   an exponentially weighted moving average of their durations, weight
 *                    {@value LatencyStats#WEIGHT} on the newest: the actor's recent latency
 * @param meanNanos   the mean over all of them
 * @param maxNanos    the longest
 */
record Latency(long count, double ewmaNanos, double meanNanos, long maxNanos) {
}
