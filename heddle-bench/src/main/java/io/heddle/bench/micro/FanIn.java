package io.heddle.bench.micro;

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
 * Two sender threads (platform threads) cast {@link #PER_SENDER} messages each to one actor that counts them; the
 * score is messages per second, measured until the actor has counted the last one.
 *
 * <p>Heddle runs twice: with its default mailbox, {@code Fixed(1000)}, where senders wait when it is full
 * (backpressure), and with an unbounded mailbox, like Pekko's default. JDK baseline: the two senders offer to one
 * unbounded {@code LinkedTransferQueue}; one platform thread takes and counts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Bench.UNSAFE_ALLOW)
public class FanIn {

    /** Messages each sender sends per benchmark invocation. */
    public static final int PER_SENDER = 100_000;

    /** Which implementation to run. */
    @Param({"heddle", "heddle-unbounded", "pekko", "jdk"})
    public String impl;

    private Workload workload;

    /** Builds the workload for {@code impl}. */
    public static Workload create(String impl) throws Exception {
        return switch (impl) {
            case "heddle" -> new FanInHeddle(Mailbox.defaultMailbox());
            case "heddle-unbounded" -> new FanInHeddle(Mailbox.unbounded());
            case "pekko" -> new FanInPekko();
            case "jdk" -> new FanInJdk();
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
