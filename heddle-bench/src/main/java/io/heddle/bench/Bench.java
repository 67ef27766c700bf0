package io.heddle.bench;

/** Settings shared by the JMH benchmarks. */
public final class Bench {

    private Bench() {}

    /** JDK 25 warns when JMH and Pekko use {@code sun.misc.Unsafe}; this allows it quietly. */
    public static final String UNSAFE_ALLOW = "--sun-misc-unsafe-memory-access=allow";

    /** The error for an {@code impl} parameter no workload knows. */
    public static IllegalArgumentException unknown(String impl) {
        return new IllegalArgumentException("unknown implementation: " + impl);
    }
}
