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
 * Savina's ping-pong: two actors bounce a message back and forth; the score is nanoseconds per round trip (two
 * messages, each a new record). The benchmark thread only starts each run of {@value #ROUND_TRIPS} round trips and
 * waits for its end; the hops are counted and checked.
 *
 * <p>JDK baseline: two {@link io.heddle.bench.JdkActor}s, virtual threads each blocked in
 * {@code LinkedTransferQueue.take()} on its own queue.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Bench.UNSAFE_ALLOW)
public class PingPong {

    /** Round trips per benchmark invocation. */
    public static final int ROUND_TRIPS = 10_000;

    /** Which implementation to run. */
    @Param({"heddle", "pekko", "jdk"})
    public String impl;

    private Workload workload;

    /** Builds the workload for {@code impl}. */
    public static Workload create(String impl) throws Exception {
        return switch (impl) {
            case "heddle" -> new PingPongHeddle();
            case "pekko" -> new PingPongPekko();
            case "jdk" -> new PingPongJdk();
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
    @OperationsPerInvocation(ROUND_TRIPS)
    public long roundTrip() throws Exception {
        return workload.run(ROUND_TRIPS);
    }
}
