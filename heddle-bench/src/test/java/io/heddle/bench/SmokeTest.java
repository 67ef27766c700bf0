package io.heddle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void fanIn(String impl) throws Exception {
        // 3,000 per sender overflows Heddle's default Fixed(1000) mailbox, so senders wait on backpressure.
        runTwice(FanIn.create(impl), 3_000, 6_000);
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
    void aWrongCountFails() {
        assertThrows(IllegalStateException.class, () -> Check.expect("test", 1, 2));
    }
}
