package io.heddle.dashboard;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One actor's handler durations, accumulated lock-free: an actor normally runs one handler at a time, but concurrent
 * reads and reentrancy may overlap them, so every update is atomic. Recording never blocks.
 *
 * <p>Thread-safe.
 */
final class LatencyStats {

    /** The weight of the newest duration in the moving average. */
    static final double WEIGHT = 0.2;

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();
    /** The moving average's bits, or -1 (not a double any update produces) before the first duration. */
    private final AtomicLong ewmaBits = new AtomicLong(-1L);

    /** Adds one handler's duration. */
    void record(long nanos) {
        long d = Math.max(0, nanos);
        count.incrementAndGet();
        totalNanos.addAndGet(d);
        maxNanos.accumulateAndGet(d, Math::max);
        long bits;
        long next;
        do {
            bits = ewmaBits.get();
            double ewma = bits == -1L ? d : Double.longBitsToDouble(bits) * (1 - WEIGHT) + d * WEIGHT;
            next = Double.doubleToRawLongBits(ewma);
        } while (!ewmaBits.compareAndSet(bits, next));
    }

    /** Returns the durations so far, or null if none was recorded. */
    Latency snapshot() {
        long n = count.get();
        long bits = ewmaBits.get();
        if (n == 0 || bits == -1L) return null;
        return new Latency(n, Double.longBitsToDouble(bits), (double) totalNanos.get() / n, maxNanos.get());
    }
}
