package io.heddle.bench.micro;

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
 * Two sender threads (platform threads) cast {@link #PER_SENDER} messages each through a pool of {@link #WORKERS}
 * workers, round robin; each worker counts what it handles. The score is messages per second, measured until the
 * workers have counted the last one.
 *
 * <p>Heddle: a {@link io.heddle.routing.Pool} of fixed size, with unbounded worker mailboxes (like Pekko's); its router
 * picks the worker on the sender's thread. Pekko typed: {@code Routers.pool(4, worker)}, whose router is an actor
 * every message passes through. JDK baseline: a fixed pool of four platform threads fed through its shared queue.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Bench.UNSAFE_ALLOW)
public class PoolFanIn {

    /** Messages each sender sends per benchmark invocation. */
    public static final int PER_SENDER = 100_000;

    /** Workers in the pool. */
    public static final int WORKERS = 4;

    /** Which implementation to run. */
    @Param({"heddle", "pekko", "jdk"})
    public String impl;

    private Workload workload;

    /** Builds the workload for {@code impl}. */
    public static Workload create(String impl) throws Exception {
        return switch (impl) {
            case "heddle" -> new PoolFanInHeddle();
            case "pekko" -> new PoolFanInPekko();
            case "jdk" -> new PoolFanInJdk();
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
    @OperationsPerInvocation(2 * PER_SENDER)
    public long message() throws Exception {
        return workload.run(PER_SENDER);
    }
}
