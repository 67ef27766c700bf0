package io.heddle.bench.micro;

import io.heddle.bench.Bench;
import io.heddle.bench.Check;
import io.heddle.bench.Workload;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
 * Request and reply: a virtual thread calls one actor and waits for each reply before the next call; the score is
 * nanoseconds per call. Heddle: {@code ref.call(Get::new)}; Pekko: {@code AskPattern.ask(...).toCompletableFuture()
 * .get()}. Each run is {@link #CALLS} calls; every reply is checked (a counter, so it must grow by one).
 *
 * <p>JDK baseline: the caller puts a {@code CompletableFuture} in the queue of a server
 * {@link io.heddle.bench.JdkActor} (a virtual thread), which completes it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Bench.UNSAFE_ALLOW)
public class Call {

    /** Calls per benchmark invocation. */
    public static final int CALLS = 5_000;

    /** Which implementation to run. */
    @Param({"heddle", "pekko", "jdk"})
    public String impl;

    private Workload workload;

    /** Builds the workload for {@code impl}. */
    public static Workload create(String impl) throws Exception {
        return switch (impl) {
            case "heddle" -> new CallHeddle();
            case "pekko" -> new CallPekko();
            case "jdk" -> new CallJdk();
            default -> throw Bench.unknown(impl);
        };
    }

    /** Runs {@code body} on a new virtual thread, waits for it, and checks the count it returns. */
    static long onVirtualThread(String what, long expected, Callable<Long> body) throws Exception {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = Thread.ofVirtual().start(() -> {
            try {
                outcome.set(body.call());
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        if (!thread.join(Duration.ofSeconds(Check.TIMEOUT_SECONDS))) {
            thread.interrupt();
            throw new TimeoutException(what + ": caller not finished after " + Check.TIMEOUT_SECONDS + " s");
        }
        Object result = outcome.get();
        if (result instanceof Exception e) throw e;
        if (result instanceof Throwable t) throw new IllegalStateException(what + " failed", t);
        return Check.expect(what, (Long) result, expected);
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
    @OperationsPerInvocation(CALLS)
    public long call() throws Exception {
        return workload.run(CALLS);
    }
}
