package io.heddle.internal.time;

/** Arithmetic on nanosecond instants and durations of the runtime's clock. */
public final class Nanos {

    private Nanos() {}

    /** Returns {@code a + b}, or {@link Long#MAX_VALUE} where the sum would overflow: a deadline that never comes. */
    public static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
