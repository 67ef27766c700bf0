package io.heddle.bench.savina;

import io.heddle.bench.Bench;
import io.heddle.bench.Workload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Savina's thread ring: {@value #SIZE} actors in a ring pass a token along; the score is nanoseconds per hop (one
 * message). Each run is {@value #HOPS} hops, about 200 laps; the hops are counted and checked.
 *
 * <p>JDK baseline: {@value #SIZE} {@link io.heddle.bench.JdkActor}s, virtual threads each blocked in
 * {@code LinkedTransferQueue.take()} on its own queue (the "virtual thread per actor" model, written by hand).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Bench.UNSAFE_ALLOW)
public class ThreadRing {

    /** Actors in the ring. */
    public static final int SIZE = 503;

    /** Hops per benchmark invocation. */
    public static final int HOPS = 100_000;

    /** Which implementation to run. */
    @Param({"heddle", "pekko", "jdk"})
    public String impl;

    private Workload workload;

    /** Builds the workload for {@code impl}. */
    public static Workload create(String impl) throws Exception {
        return switch (impl) {
            case "heddle" -> new ThreadRingHeddle(SIZE);
            case "pekko" -> new ThreadRingPekko(SIZE);
            case "jdk" -> new ThreadRingJdk(SIZE);
            default -> throw Bench.unknown(impl);
        };
    }

    @Setup
    public void setUp() throws Exception {
        workload = create(impl);
    }

    @TearDown
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    @OperationsPerInvocation(HOPS)
    public long hop() throws Exception {
        return workload.run(HOPS);
    }
}
