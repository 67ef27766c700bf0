package io.heddle.bench.savina;

import io.heddle.bench.Bench;
import io.heddle.bench.Workload;
import java.util.SplittableRandom;
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
 * Savina's big: {@value #ACTORS} actors each send {@value #PINGS} pings, one at a time, each to a random other actor,
 * which answers with a pong; an actor sends its next ping when the pong for the last one arrives, and answers other
 * actors' pings all along. When an actor has its pongs it tells a sink, which counts completions and ends the run once
 * all have reported. Many-to-many traffic with {@value #ACTORS} pings in flight at once. The score is nanoseconds per
 * ping (a ping and its pong: two messages); the pongs the actors report must add up, and a pong nobody waits for fails
 * the run.
 *
 * <p>The actors live for the whole benchmark; each run starts them with a message from the benchmark thread. Each actor
 * picks its targets with its own {@link SplittableRandom}, seeded with its index, so every implementation sends the
 * same pings. JDK baseline: the actors and the sink are {@link io.heddle.bench.JdkActor}s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Bench.UNSAFE_ALLOW)
public class Big {

    /** Actors pinging each other. */
    public static final int ACTORS = 200;

    /** Pings each actor sends per benchmark invocation. */
    public static final int PINGS = 100;

    /** Which implementation to run. */
    @Param({"heddle", "pekko", "jdk"})
    public String impl;

    private Workload workload;

    /** Builds the workload for {@code impl} with {@code actors} actors (at least 2). */
    public static Workload create(String impl, int actors) throws Exception {
        if (actors < 2) throw new IllegalArgumentException("big needs at least 2 actors");
        return switch (impl) {
            case "heddle" -> new BigHeddle(actors);
            case "pekko" -> new BigPekko(actors);
            case "jdk" -> new BigJdk(actors);
            default -> throw Bench.unknown(impl);
        };
    }

    /** Picks a random actor other than {@code self} among {@code actors}. */
    static int randomOther(SplittableRandom random, int self, int actors) {
        int target = random.nextInt(actors - 1);
        return target >= self ? target + 1 : target;
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
    @OperationsPerInvocation(ACTORS * PINGS)
    public long ping() throws Exception {
        return workload.run(PINGS);
    }
}
