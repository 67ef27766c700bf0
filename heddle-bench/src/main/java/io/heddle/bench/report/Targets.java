package io.heddle.bench.report;

import io.heddle.bench.IdleActorMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets the project set for Heddle on its 2-core reference machine, checked against one run's results. The
 * thresholds live here, once; the report shows each with Heddle's value and whether it is met. Results are never
 * adjusted to meet a target: a target without a result says so.
 */
public final class Targets {

    /** Whether a target is met. */
    public enum Status {
        MET("yes"), MISSED("**no**"), NO_RESULT("no result");

        final String text;

        Status(String text) {
            this.text = text;
        }
    }

    /** One target: what it asks, Heddle's value, and the verdict. */
    public record Row(String target, String heddle, Status status) {}

    /** The geometric mean of Heddle's advantage over Pekko on the Savina workloads must be at least this. */
    public static final double SAVINA_GEOMEAN = 2.0;
    /** Nanoseconds per ping-pong round trip, at most. */
    public static final double PING_PONG_NANOS = 150;
    /** Nanoseconds per thread-ring hop, at most. */
    public static final double RING_HOP_NANOS = 100;
    /** Fan-in messages per second, at least. */
    public static final double FAN_IN_PER_SECOND = 40e6;
    /** Nanoseconds per blocking call, at most. */
    public static final double CALL_NANOS = 1_000;
    /** Heap bytes per idle actor, at most. */
    public static final double BYTES_PER_IDLE_ACTOR = 200;
    /** Milliseconds to spawn {@link #SPAWN_COUNT} actors and deliver one message to each, at most. */
    public static final double SPAWN_MILLIS = 250;
    /** The number of actors the spawn target is about. */
    public static final int SPAWN_COUNT = 1_000_000;

    private Targets() {}

    /** Checks every target against {@code results} and {@code memory}. */
    public static List<Row> evaluate(Results results, List<IdleActorMemory.Result> memory) {
        List<Row> rows = new ArrayList<>();
        rows.add(everyWorkload(results, memory));
        double geomean = results.savinaGeometricMean();
        rows.add(new Row("Geometric mean of Heddle vs Pekko over the Savina workloads ≥ " + ratio(SAVINA_GEOMEAN),
                Double.isNaN(geomean) ? "—" : ratio(geomean),
                Double.isNaN(geomean) ? Status.NO_RESULT : status(geomean >= SAVINA_GEOMEAN)));
        rows.add(atMost("Ping-pong ≤ 150 ns per round trip", results.find("PingPong", "heddle"), PING_PONG_NANOS));
        rows.add(atMost("Thread ring ≤ 100 ns per hop", results.find("ThreadRing", "heddle"), RING_HOP_NANOS));
        Optional<JmhResult> fanIn = results.find("FanIn", "heddle");
        String unbounded = results.find("FanIn", "heddle-unbounded")
                .map(r -> " (unbounded mailbox: " + millions(r.score()) + ")").orElse("");
        rows.add(new Row("Fan-in ≥ 40 million messages per s (default mailbox)",
                fanIn.map(r -> millions(r.score()) + unbounded).orElse("—"),
                fanIn.map(r -> status(r.score() >= FAN_IN_PER_SECOND)).orElse(Status.NO_RESULT)));
        rows.add(atMost("Blocking call ≤ 1 µs", results.find("Call", "heddle"), CALL_NANOS));
        Optional<IdleActorMemory.Result> heddle = memory.stream().filter(m -> m.impl().equals("heddle")).findFirst();
        rows.add(new Row("≤ 200 bytes per idle actor",
                heddle.map(m -> String.format(Locale.ROOT, "%.0f bytes", m.bytesPerActor())).orElse("—"),
                heddle.map(m -> status(m.bytesPerActor() <= BYTES_PER_IDLE_ACTOR)).orElse(Status.NO_RESULT)));
        Optional<IdleActorMemory.Result> spawned = heddle.filter(m -> m.count() == SPAWN_COUNT);
        rows.add(new Row("1,000,000 actors spawned and sent one message each in ≤ 250 ms",
                heddle.map(m -> String.format(Locale.ROOT, "%,.0f ms for %,d actors", m.spawnAndDeliverMillis(),
                        m.count())).orElse("—"),
                spawned.map(m -> status(m.spawnAndDeliverMillis() <= SPAWN_MILLIS)).orElse(Status.NO_RESULT)));
        return rows;
    }

    private static Row everyWorkload(Results results, List<IdleActorMemory.Result> memory) {
        List<String> behind = new ArrayList<>();
        int compared = 0;
        for (String workload : results.workloads()) {
            double r = Ratios.advantage(results.find(workload, "heddle").orElse(null),
                    results.find(workload, "pekko").orElse(null));
            if (Double.isNaN(r)) continue;
            compared++;
            if (r < 1) behind.add(workload + " (" + ratio(r) + ")");
        }
        Optional<IdleActorMemory.Result> heddle = memory.stream().filter(m -> m.impl().equals("heddle")).findFirst();
        Optional<IdleActorMemory.Result> pekko = memory.stream().filter(m -> m.impl().equals("pekko")).findFirst();
        if (heddle.isPresent() && pekko.isPresent()) {
            compared++;
            double r = pekko.get().spawnAndDeliverMillis() / heddle.get().spawnAndDeliverMillis();
            if (r < 1) behind.add("spawn and deliver (" + ratio(r) + ")");
        }
        if (compared == 0) return new Row("Heddle faster than Pekko on every workload", "—", Status.NO_RESULT);
        String text = behind.isEmpty() ? "ahead on all " + compared : "behind on " + String.join(", ", behind);
        return new Row("Heddle faster than Pekko on every workload", text, status(behind.isEmpty()));
    }

    private static Row atMost(String target, Optional<JmhResult> result, double bound) {
        return new Row(target,
                result.map(r -> MarkdownReport.number(r.score()) + " ns").orElse("—"),
                result.map(r -> status(r.score() <= bound)).orElse(Status.NO_RESULT));
    }

    private static Status status(boolean met) {
        return met ? Status.MET : Status.MISSED;
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    private static String millions(double perSecond) {
        return String.format(Locale.ROOT, "%.1f million per s", perSecond / 1e6);
    }
}
