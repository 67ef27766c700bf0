package io.heddle.bench.savina;

import io.heddle.Mailbox;
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
 * Savina's counting actor: a producer actor sends {@value #MESSAGES} increment messages to a counter actor, then asks
 * it for the count with a message carrying its own reference; the counter replies with a message and resets. The score
 * is nanoseconds per increment; the count the counter reports is checked. The increment is one shared instance, so the
 * benchmark measures the framework rather than the allocation of messages. The benchmark thread only starts the
 * producer and waits for the count.
 *
 * <p>The producer is an actor, so on Heddle's default mailbox, {@code Fixed(1000)}, it waits for space whenever it is
 * 1000 messages ahead of the counter (backpressure); {@code heddle-unbounded} gives the counter an unbounded mailbox,
 * like Pekko's default. JDK baseline: two {@link io.heddle.bench.JdkActor}s (virtual threads, unbounded
 * {@code LinkedTransferQueue}s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Bench.UNSAFE_ALLOW)
public class Counting {

    /** Increments per benchmark invocation. */
    public static final int MESSAGES = 100_000;

    /** Which implementation to run. */
    @Param({"heddle", "heddle-unbounded", "pekko", "jdk"})
    public String impl;

    private Workload workload;

    /** Builds the workload for {@code impl}. */
    public static Workload create(String impl) throws Exception {
        return switch (impl) {
            case "heddle" -> new CountingHeddle(Mailbox.defaultMailbox());
            case "heddle-unbounded" -> new CountingHeddle(Mailbox.unbounded());
            case "pekko" -> new CountingPekko();
            case "jdk" -> new CountingJdk();
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
    @OperationsPerInvocation(MESSAGES)
    public long increment() throws Exception {
        return workload.run(MESSAGES);
    }
}
