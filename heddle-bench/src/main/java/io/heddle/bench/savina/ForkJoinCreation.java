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
 * Savina's fork-join actor creation: a creator actor spawns {@value #ACTORS} actors and sends each one message; each
 * actor handles its message and stops. The score is nanoseconds per actor (spawn, one message, stop). Every actor
 * arrives at a shared tally when it handles its message; the number of arrivals is checked. The creator is an actor
 * because Pekko spawns only from inside one; Heddle does the same for a like-for-like comparison (its actors are
 * children of the creator, as Pekko's are).
 *
 * <p>JDK baseline: the creator and each created actor are {@link io.heddle.bench.JdkActor}s: a new virtual thread and
 * queue per actor, which takes its one message and ends.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Bench.UNSAFE_ALLOW)
public class ForkJoinCreation {

    /** Actors created per benchmark invocation. */
    public static final int ACTORS = 20_000;

    /** Which implementation to run. */
    @Param({"heddle", "pekko", "jdk"})
    public String impl;

    private Workload workload;

    /** Builds the workload for {@code impl}. */
    public static Workload create(String impl) throws Exception {
        return switch (impl) {
            case "heddle" -> new ForkJoinCreationHeddle();
            case "pekko" -> new ForkJoinCreationPekko();
            case "jdk" -> new ForkJoinCreationJdk();
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
    @OperationsPerInvocation(ACTORS)
    public long actor() throws Exception {
        return workload.run(ACTORS);
    }
}
