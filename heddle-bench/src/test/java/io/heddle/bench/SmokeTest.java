package io.heddle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.heddle.bench.micro.Call;
import io.heddle.bench.micro.FanIn;
import io.heddle.bench.micro.PoolFanIn;
import io.heddle.bench.savina.Big;
import io.heddle.bench.savina.Chameneos;
import io.heddle.bench.savina.Counting;
import io.heddle.bench.savina.Fibonacci;
import io.heddle.bench.savina.ForkJoinCreation;
import io.heddle.bench.savina.ForkJoinThroughput;
import io.heddle.bench.savina.PingPong;
import io.heddle.bench.savina.ThreadRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CI smoke run of the benchmark suite: every workload once on every implementation, with tiny parameters, checking
 * the counts (each workload also checks its own). No timing is asserted; this only proves the benchmarks measure
 * something that works.
 */
@Timeout(60)
class SmokeTest {

    /** Builds the workload, runs it twice (a second run reuses the actors, as JMH does), and closes it. */
    private static void runTwice(Workload workload, int n, long expected) throws Exception {
        try (workload) {
            assertEquals(expected, workload.run(n));
            assertEquals(expected, workload.run(n));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heddle", "pekko", "jdk"})
    void pingPong(String impl) throws Exception {
        runTwice(PingPong.create(impl), 100, 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heddle", "pekko", "jdk"})
    void threadRing(String impl) throws Exception {
        runTwice(ThreadRing.create(impl), 2 * ThreadRing.SIZE + 7, 2 * ThreadRing.SIZE + 7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heddle", "heddle-unbounded", "pekko", "jdk"})
    void counting(String impl) throws Exception {
        // 3,000 overflows Heddle's default Fixed(1000) mailbox, so the producer waits on backpressure.
        runTwice(Counting.create(impl), 3_000, 3_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heddle", "pekko", "jdk"})
    void forkJoinThroughput(String impl) throws Exception {
        runTwice(ForkJoinThroughput.create(impl, 7), 1_500, 7 * 1_500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heddle", "pekko", "jdk"})
    void forkJoinCreation(String impl) throws Exception {
        runTwice(ForkJoinCreation.create(impl), 500, 500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heddle", "pekko", "jdk"})
    void chameneos(String impl) throws Exception {
        runTwice(Chameneos.create(impl, 5), 300, 300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heddle", "pekko", "jdk"})
    void big(String impl) throws Exception {
        runTwice(Big.create(impl, 10), 20, 10 * 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heddle", "pekko", "jdk"})
    void fibonacci(String impl) throws Exception {
        runTwice(Fibonacci.create(impl), 10, 55);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heddle", "heddle-unbounded", "pekko", "jdk"})
    void fanIn(String impl) throws Exception {
        // 3,000 per sender overflows Heddle's default Fixed(1000) mailbox, so senders wait on backpressure.
        runTwice(FanIn.create(impl), 3_000, 6_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heddle", "pekko", "jdk"})
    void poolFanIn(String impl) throws Exception {
        runTwice(PoolFanIn.create(impl), 3_000, 6_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heddle", "pekko", "jdk"})
    void call(String impl) throws Exception {
        runTwice(Call.create(impl), 100, 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heddle", "pekko", "vthread"})
    void idleActorMemory(String impl) throws Exception {
        IdleActorMemory.Result result = IdleActorMemory.measure(impl, 2_000);
        assertEquals(2_000, result.delivered());
    }

    @Test
    void fibonacciConstantsAgree() {
        assertEquals(Fibonacci.VALUE, Fibonacci.fib(Fibonacci.N));
        assertEquals(Fibonacci.ACTORS, 2 * Fibonacci.fib(Fibonacci.N) - 1);
        assertEquals(55, Fibonacci.fib(10));
        assertEquals(1, Fibonacci.fib(1));
        assertEquals(1, Fibonacci.fib(2));
    }

    @Test
    void aWrongCountFails() {
        assertThrows(IllegalStateException.class, () -> Check.expect("test", 1, 2));
    }

    @Test
    void aTallyWithAWrongSumFails() {
        Tally tally = new Tally(2);
        tally.arrive(1);
        tally.arrive(1);
        assertThrows(IllegalStateException.class, () -> tally.await("test", 3));
    }

    @Test
    void aFailedTallyFails() {
        Tally tally = new Tally(2);
        tally.fail("a pong nobody waited for");
        assertThrows(IllegalStateException.class, () -> tally.await("test", 0));
    }
}
