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
 * Savina's recursive Fibonacci: an actor asked for fib(n) spawns two children, asks them for fib(n - 1) and fib(n - 2),
 * adds their replies, replies to its parent and stops; an actor asked for n &le; 2 replies 1 at once and stops. One
 * run computes fib({@value #N}) = {@value #VALUE} with {@value #ACTORS} actors (2 fib(n) - 1), each spawned, sent one
 * request, replying once and stopping. The score is nanoseconds per actor; the value is checked.
 *
 * <p>The root actor and the collector that receives its reply are spawned per run from the benchmark thread (Pekko:
 * by its guardian); every other actor is a child of the actor that asked it. JDK baseline: every actor is a
 * {@link io.heddle.bench.JdkActor} (a new virtual thread and queue), replying by message like the actors.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Bench.UNSAFE_ALLOW)
public class Fibonacci {

    /** The argument of the Fibonacci number computed per benchmark invocation. */
    public static final int N = 20;

    /** fib({@value #N}), with fib(1) = fib(2) = 1. */
    public static final long VALUE = 6_765;

    /** Actors in one computation of fib({@value #N}): 2 fib(n) - 1. */
    public static final int ACTORS = 13_529;

    /** Which implementation to run. */
    @Param({"heddle", "pekko", "jdk"})
    public String impl;

    private Workload workload;

    /** Builds the workload for {@code impl}. */
    public static Workload create(String impl) throws Exception {
        return switch (impl) {
            case "heddle" -> new FibonacciHeddle();
            case "pekko" -> new FibonacciPekko();
            case "jdk" -> new FibonacciJdk();
            default -> throw Bench.unknown(impl);
        };
    }

    /** fib(n) with fib(1) = fib(2) = 1, computed directly: what the actors must agree with. */
    public static long fib(int n) {
        long previous = 0;
        long current = 1;
        for (int i = 1; i < n; i++) {
            long next = previous + current;
            previous = current;
            current = next;
        }
        return current;
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
        return workload.run(N);
    }
}
