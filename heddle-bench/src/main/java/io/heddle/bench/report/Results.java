package io.heddle.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run's JMH results, by workload and implementation, in the order the report shows them: the Savina workloads in
 * the order of the Savina paper, then the others, then anything unknown by name.
 *
 * <p>Immutable once built.
 */
public final class Results {

    /** The implementations every workload runs on; a missing one is reported, never skipped silently. */
    public static final List<String> IMPLEMENTATIONS = List.of("heddle", "pekko", "jdk");

    private static final List<String> ORDER = List.of("PingPong", "Counting", "ForkJoinThroughput",
            "ForkJoinCreation", "ThreadRing", "Chameneos", "Big", "Fibonacci", "FanIn", "PoolFanIn", "Call");

    private final Map<String, Map<String, JmhResult>> byWorkload = new LinkedHashMap<>();

    /** Groups {@code results}; a workload and implementation that appear twice is an error. */
    public Results(List<JmhResult> results) {
        List<JmhResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt((JmhResult r) -> rank(r.workload())).thenComparing(JmhResult::workload));
        for (JmhResult r : sorted) {
            JmhResult previous = byWorkload.computeIfAbsent(r.workload(), w -> new LinkedHashMap<>()).put(r.impl(), r);
            if (previous != null) {
                throw new IllegalArgumentException("two results for " + r.workload() + " on " + r.impl());
            }
        }
    }

    private static int rank(String workload) {
        int i = ORDER.indexOf(workload);
        return i < 0 ? ORDER.size() : i;
    }

    /** The workloads, in report order. */
    public List<String> workloads() {
        return List.copyOf(byWorkload.keySet());
    }

    /** The result of {@code workload} on {@code impl}, if there is one. */
    public Optional<JmhResult> find(String workload, String impl) {
        return Optional.ofNullable(byWorkload.getOrDefault(workload, Map.of()).get(impl));
    }

    /** Any result of {@code workload}, for its suite and unit. */
    public JmhResult any(String workload) {
        return byWorkload.get(workload).values().iterator().next();
    }

    /** The Heddle variants of {@code workload} beyond the default, such as {@code heddle-unbounded}. */
    public List<String> heddleVariants(String workload) {
        return byWorkload.getOrDefault(workload, Map.of()).keySet().stream()
                .filter(impl -> impl.startsWith("heddle-")).toList();
    }

    /** "Workload on impl" for every standard implementation without a result: failed or left out. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (var entry : byWorkload.entrySet()) {
            for (String impl : IMPLEMENTATIONS) {
                if (!entry.getValue().containsKey(impl)) missing.add(entry.getKey() + " on " + impl);
            }
        }
        return missing;
    }

    /** Heddle's advantage over Pekko on each Savina workload that has both results, with Heddle's defaults. */
    public Map<String, Double> savinaAdvantages() {
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (String workload : workloads()) {
            if (!any(workload).isSavina()) continue;
            double r = Ratios.advantage(find(workload, "heddle").orElse(null), find(workload, "pekko").orElse(null));
            if (!Double.isNaN(r)) ratios.put(workload, r);
        }
        return ratios;
    }

    /** The geometric mean of {@link #savinaAdvantages()}; NaN if there are none. */
    public double savinaGeometricMean() {
        return Ratios.geometricMean(savinaAdvantages().values());
    }
}
