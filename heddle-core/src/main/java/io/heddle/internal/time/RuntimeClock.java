package io.heddle.internal.time;

import io.heddle.Cancellable;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The one source of time for an actor system: reading it, waiting on it and scheduling on it. Framework code never
 * calls {@code System.nanoTime}, {@code Thread.sleep} or a JDK scheduler directly, so that a simulated clock can
 * replace this one and make time deterministic.
 *
 * <p>Thread-safe.
 */
public interface RuntimeClock extends InstantSource, AutoCloseable {

    /** Monotonic time in nanoseconds, for durations and deadlines. */
    long nanoTime();

    /** Wall-clock time, for timestamps people read. */
    @Override
    Instant instant();

    /**
     * Parks the current thread for up to {@code nanos}, or until unparked or interrupted; may return spuriously, like
     * {@link java.util.concurrent.locks.LockSupport#parkNanos(Object, long)}.
     */
    void parkNanos(Object blocker, long nanos);

    /** Runs {@code task} once after {@code delayNanos}. The task must be short and must not block. */
    Cancellable schedule(long delayNanos, Runnable task);

    /** Runs {@code task} every {@code periodNanos}, first after {@code initialDelayNanos}, at a fixed rate. */
    Cancellable scheduleAtFixedRate(long initialDelayNanos, long periodNanos, Runnable task);

    /** Stops the timer thread; scheduled tasks that have not run are dropped. */
    @Override
    void close();
}
