package io.heddle.bench;

/** Settings shared by the JMH benchmarks. */
final class Bench {

    private Bench() {}

    /** JDK 25 warns when JMH and Pekko use {@code sun.misc.Unsafe}; this allows it quietly. */
    static final String UNSAFE_ALLOW = "--sun-misc-unsafe-memory-access=allow";

    static IllegalArgumentException unknown(String impl) {
        return new IllegalArgumentException("unknown implementation: " + impl);
    }
}
