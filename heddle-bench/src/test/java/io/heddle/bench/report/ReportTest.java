package io.heddle.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.bench.IdleActorMemory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report generator on a small JMH sample ({@code jmh-sample.json}): PingPong (Heddle 3× ahead of Pekko), Counting
 * (2× ahead by default, with an unbounded variant 4× ahead), ForkJoinThroughput (in µs/op, Heddle 2× behind), FanIn
 * (a rate, Pekko's in ops/ms) and Call, which has no JDK result.
 */
class ReportTest {

    private static final Environment MACHINE =
            new Environment("JDK 25.0.3, OpenJDK 64-Bit Server VM", "Test CPU", 2, "Linux 6 amd64", "2026-11-23 12:00 UTC",
                    "0.50, 0.40, 0.30");

    private static String sample() throws IOException {
        try (InputStream in = ReportTest.class.getResourceAsStream("/jmh-sample.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Results results() throws IOException {
        return new Results(JmhResult.parseAll(sample()));
    }

    private static JmhResult find(String workload, String impl) throws IOException {
        return results().find(workload, impl).orElseThrow();
    }

    @Test
    void readsSuiteWorkloadOperationAndImplementationFromTheBenchmarkName() throws IOException {
        JmhResult r = find("PingPong", "pekko");
        assertEquals("savina", r.suite());
        assertEquals("roundTrip", r.op());
        assertEquals(300.0, r.score());
        assertEquals(10.0, r.error());
        assertEquals("ns per round trip", r.unit());
        assertTrue(r.isSavina());
        assertFalse(find("FanIn", "heddle").isSavina());
    }

    @Test
    void normalisesTimesToNanosecondsAndRatesToPerSecond() throws IOException {
        assertEquals(90.0, find("ForkJoinThroughput", "heddle").score(), 1e-9);
        assertEquals(10.0, find("ForkJoinThroughput", "heddle").error(), 1e-9);
        assertEquals(12e6, find("FanIn", "pekko").score(), 1e-3);
        assertEquals("messages per s", find("FanIn", "pekko").unit());
    }

    @Test
    void anErrorJmhCouldNotComputeIsNaN() throws IOException {
        assertTrue(Double.isNaN(find("Counting", "heddle").error()));
    }

    @Test
    void advantageIsTheOthersTimeOverHeddlesAndHeddlesRateOverTheOthers() throws IOException {
        assertEquals(3.0, Ratios.advantage(find("PingPong", "heddle"), find("PingPong", "pekko")), 1e-9);
        assertEquals(2.5, Ratios.advantage(find("PingPong", "heddle"), find("PingPong", "jdk")), 1e-9);
        assertEquals(0.5, Ratios.advantage(find("ForkJoinThroughput", "heddle"), find("ForkJoinThroughput", "pekko")),
                1e-9);
        assertEquals(0.5, Ratios.advantage(find("FanIn", "heddle"), find("FanIn", "pekko")), 1e-9);
        assertEquals(2.5, Ratios.advantage(find("FanIn", "heddle-unbounded"), find("FanIn", "pekko")), 1e-9);
        assertTrue(Double.isNaN(Ratios.advantage(find("Call", "heddle"), null)));
    }

    @Test
    void geometricMeanCoversTheSavinaWorkloadsWithHeddlesDefaultsOnly() throws IOException {
        Results results = results();
        assertEquals(List.of("PingPong", "Counting", "ForkJoinThroughput"),
                List.copyOf(results.savinaAdvantages().keySet()));
        // 3 × 2 × 0.5 = 3: the unbounded Counting variant (4×) and the micro workloads do not count.
        assertEquals(Math.cbrt(3), results.savinaGeometricMean(), 1e-9);
        assertEquals(4.0, Ratios.geometricMean(List.of(2.0, 8.0)), 1e-9);
    }

    @Test
    void workloadsComeInSavinaOrderThenTheOthers() throws IOException {
        assertEquals(List.of("PingPong", "Counting", "ForkJoinThroughput", "FanIn", "Call"), results().workloads());
    }

    @Test
    void aMissingImplementationIsReported() throws IOException {
        assertEquals(List.of("Call on jdk"), results().missing());
    }

    @Test
    void twoResultsForOneWorkloadAndImplementationAreAnError() throws IOException {
        JmhResult r = find("PingPong", "heddle");
        assertThrows(IllegalArgumentException.class, () -> new Results(List.of(r, r)));
    }

    @Test
    void readsTheRunsSettings() throws IOException {
        JmhResult.Settings settings = JmhResult.settings(sample());
        assertEquals("25.0.3", settings.jdkVersion());
        assertEquals("JMH 1.37, 1 fork, 2 warm-up iterations of 1 s, 3 measured iterations of 1 s",
                settings.toString());
    }

    @Test
    void theMarkdownHasEveryScoreRatioTheMeanTheTargetsAndWhatIsMissing() throws IOException {
        String sample = sample();
        String md = MarkdownReport.render("quick", new Results(JmhResult.parseAll(sample)),
                JmhResult.settings(sample), memory(1_000_000), MACHINE);
        assertTrue(md.contains("| PingPong | ns per round trip | 100 ± 5.00 | 300 ± 10.0 | 250 ± 20.0 | 3.00× | 2.50× |"),
                md);
        assertTrue(md.contains("| Counting | ns per increment | 40.0 ± n/a | 80.0 ± 4.00 | 50.0 ± 2.00 | 2.00× | 1.25× |"),
                md);
        assertTrue(md.contains("| Counting, heddle-unbounded | ns per increment | 20.0 ± 1.00 | 80.0 ± 4.00 |"), md);
        assertTrue(md.contains("| ForkJoinThroughput | ns per message | 90.0 ± 10.0 | 45.0 ± 3.00 | 36.0 ± 1.00 |"
                + " 0.50× | 0.40× |"), md);
        assertTrue(md.contains("| FanIn | messages per s | 6,000,000 ± 100,000 | 12,000,000 ± 500,000 |"
                + " 50,000,000 ± 2,000,000 | 0.50× | 0.12× |"), md);
        assertTrue(md.contains("| Call | ns per call | 2,000 ± 100 | 8,000 ± 400 | — | 4.00× | — |"), md);
        assertTrue(md.contains("over the 3 Savina workloads (Heddle's defaults): **1.44×**"), md);
        assertTrue(md.contains("| Heap per idle actor, bytes | 150 | 1,000 | 750 | 6.67× | 5.00× |"), md);
        assertTrue(md.contains("| Spawn 1,000,000 and deliver one message each, ms | 200 | 4,000 | 1,600 | 20.00× |"
                + " 8.00× |"), md);
        assertTrue(md.contains("| Heddle faster than Pekko on every workload | behind on ForkJoinThroughput (0.50×),"
                + " FanIn (0.50×) | **no** |"), md);
        assertTrue(md.contains("| Ping-pong ≤ 150 ns per round trip | 100 ns | yes |"), md);
        assertTrue(md.contains("| Thread ring ≤ 100 ns per hop | — | no result |"), md);
        assertTrue(md.contains("| Fan-in ≥ 40 million messages per s (default mailbox) | 6.0 million per s"
                + " (unbounded mailbox: 30.0 million per s) | **no** |"), md);
        assertTrue(md.contains("| Blocking call ≤ 1 µs | 2,000 ns | **no** |"), md);
        assertTrue(md.contains("| ≤ 200 bytes per idle actor | 150 bytes | yes |"), md);
        assertTrue(md.contains("| 1,000,000 actors spawned and sent one message each in ≤ 250 ms | 200 ms for"
                + " 1,000,000 actors | yes |"), md);
        assertTrue(md.contains("| Stop the system with 1,000,000 idle actors, ms | 10.0 | 100 | 50.0 | 10.00× | 5.00× |"),
                md);
        assertTrue(md.contains("| Load average (1, 5, 15 min) at the end | 0.50, 0.40, 0.30 |"), md);
        assertTrue(md.contains("**Missing results**"), md);
        assertTrue(md.contains("Call on jdk"), md);
        assertTrue(md.contains("| CPU | Test CPU, 2 cores available |"), md);
    }

    @Test
    void theSpawnTargetNeedsAMillionActors() throws IOException {
        List<Targets.Row> rows = Targets.evaluate(results(), memory(2_000));
        Targets.Row spawn = rows.getLast();
        assertEquals(Targets.Status.NO_RESULT, spawn.status());
    }

    @Test
    void readsTheIdleActorMeasurement() {
        IdleActorMemory.Result r = new IdleActorMemory.Result("heddle", 1_000_000, 1_000_000, 150.5, 200.25, 30.0);
        assertEquals(r, MemoryResults.parse(r.toJson()));
    }

    private static List<IdleActorMemory.Result> memory(int count) {
        return List.of(
                new IdleActorMemory.Result("heddle", count, count, 150, 200, 10),
                new IdleActorMemory.Result("pekko", count, count, 1_000, 4_000, 100),
                new IdleActorMemory.Result("vthread", count, count, 750, 1_600, 50));
    }
}
