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
 * Savina's fork-join throughput: {@value #ACTORS} actors each receive {@value #PER_ACTOR} messages, sent round-robin
 * by the benchmark thread (a platform thread, outside any actor), which then sends each actor an end marker. The score
 * is nanoseconds per message. Each actor counts its messages and reports the count when it gets the end marker (FIFO
 * per sender makes the marker come last); the sum is checked. The handler only counts: Savina's small computation per
 * message is left out, so the score is the framework's cost alone. The message is one shared instance.
 *
 * <p>Heddle runs with its default mailbox, {@code Fixed(1000)}: each actor gets at most {@value #PER_ACTOR} + 1
 * messages per run, so the sender waits only if an actor falls a whole run behind. JDK baseline:
 * {@value #ACTORS} {@link io.heddle.bench.JdkActor}s (virtual threads on their own queues).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Bench.UNSAFE_ALLOW)
public class ForkJoinThroughput {

    /** Actors receiving messages. */
    public static final int ACTORS = 60;

    /** Messages each actor receives per benchmark invocation. */
    public static final int PER_ACTOR = 1_000;

    /** Which implementation to run. */
    @Param({"heddle", "pekko", "jdk"})
    public String impl;

    private Workload workload;

    /** Builds the workload for {@code impl} with {@code actors} receivers. */
    public static Workload create(String impl, int actors) throws Exception {
        return switch (impl) {
            case "heddle" -> new ForkJoinThroughputHeddle(actors);
            case "pekko" -> new ForkJoinThroughputPekko(actors);
            case "jdk" -> new ForkJoinThroughputJdk(actors);
            default -> throw Bench.unknown(impl);
        };
    }

    @Setup
    public void setUp() throws Exception {
        workload = create(impl, ACTORS);
    }

    @TearDown
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    @OperationsPerInvocation(ACTORS * PER_ACTOR)
    public long message() throws Exception {
        return workload.run(PER_ACTOR);
    }
}
