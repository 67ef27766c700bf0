package io.heddle.bench.report;

import io.heddle.bench.IdleActorMemory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Renders one run as markdown: the machine, a table per suite with every implementation's score and Heddle's
 * advantage over Pekko and over the bare JDK, the geometric mean over the Savina workloads, the idle-actor
 * measurements, the targets, and any result that is missing. A pure function of its inputs, so tests can check it.
 */
public final class MarkdownReport {

    private MarkdownReport() {}

    /**
     * Renders the report.
     *
     * @param label       what kind of run this was, for example "quick"
     * @param results     the JMH results
     * @param settings    the JMH settings, or null if unknown
     * @param memory      the idle-actor measurements, one per implementation (may be empty)
     * @param environment the machine
     */
    public static String render(String label, Results results, JmhResult.Settings settings,
                                List<IdleActorMemory.Result> memory, Environment environment) {
        StringBuilder out = new StringBuilder();
        out.append("# Heddle vs Apache Pekko vs bare JDK\n\n");
        out.append("A **").append(label).append("** run, ").append(environment.date()).append(". ");
        if (settings != null) out.append(settings).append(". ");
        out.append("Numbers from short runs on a shared machine are noisy: read them as rough.\n\n");
        out.append("| Machine | |\n| --- | --- |\n");
        out.append("| JVM | ").append(environment.jvm()).append(" |\n");
        out.append("| CPU | ").append(environment.cpu()).append(", ").append(environment.cores())
                .append(environment.cores() == 1 ? " core" : " cores").append(" available |\n");
        out.append("| OS | ").append(environment.os()).append(" |\n");
        out.append("| Load average (1, 5, 15 min) at the end | ").append(environment.load()).append(" |\n\n");
        out.append("\"Heddle vs X\" is how many times better Heddle is than X: X's time divided by Heddle's, or Heddle's")
                .append(" rate divided by X's. **Above 1, Heddle is faster; below 1, it is behind.** The ± is JMH's")
                .append(" 99.9% confidence half-width (n/a with fewer than two iterations).\n\n");

        out.append("## Savina workloads\n\n");
        table(out, results, true);
        Map<String, Double> savina = results.savinaAdvantages();
        out.append("\nGeometric mean of Heddle vs Pekko over the ").append(savina.size())
                .append(" Savina workloads (Heddle's defaults): **").append(ratio(results.savinaGeometricMean()))
                .append("**\n\n");

        out.append("## Other workloads\n\n");
        table(out, results, false);

        out.append("\n## Idle actors\n\n");
        memoryTable(out, memory);

        out.append("\n## Targets\n\n");
        out.append("| Target | Heddle | Met |\n| --- | --- | --- |\n");
        for (Targets.Row row : Targets.evaluate(results, memory)) {
            out.append("| ").append(row.target()).append(" | ").append(row.heddle()).append(" | ")
                    .append(row.status().text).append(" |\n");
        }

        List<String> missing = results.missing();
        if (!missing.isEmpty()) {
            out.append("\n**Missing results** (the benchmark failed or was left out of the run; see the JMH log): ")
                    .append(String.join(", ", missing)).append(".\n");
        }
        return out.toString();
    }

    private static void table(StringBuilder out, Results results, boolean savina) {
        out.append("| Workload | Unit | Heddle | Pekko | JDK | Heddle vs Pekko | Heddle vs JDK |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (String workload : results.workloads()) {
            JmhResult any = results.any(workload);
            if (any.isSavina() != savina) continue;
            row(out, results, workload, workload, "heddle", any.unit());
            for (String variant : results.heddleVariants(workload)) {
                row(out, results, workload, workload + ", " + variant, variant, any.unit());
            }
        }
    }

    private static void row(StringBuilder out, Results results, String workload, String title, String heddleImpl,
                            String unit) {
        Optional<JmhResult> heddle = results.find(workload, heddleImpl);
        Optional<JmhResult> pekko = results.find(workload, "pekko");
        Optional<JmhResult> jdk = results.find(workload, "jdk");
        out.append("| ").append(title).append(" | ").append(unit)
                .append(" | ").append(score(heddle))
                .append(" | ").append(score(pekko))
                .append(" | ").append(score(jdk))
                .append(" | ").append(ratio(Ratios.advantage(heddle.orElse(null), pekko.orElse(null))))
                .append(" | ").append(ratio(Ratios.advantage(heddle.orElse(null), jdk.orElse(null))))
                .append(" |\n");
    }

    private static void memoryTable(StringBuilder out, List<IdleActorMemory.Result> memory) {
        if (memory.isEmpty()) {
            out.append("Not measured in this run.\n");
            return;
        }
        Optional<IdleActorMemory.Result> heddle = find(memory, "heddle");
        Optional<IdleActorMemory.Result> pekko = find(memory, "pekko");
        Optional<IdleActorMemory.Result> jdk = find(memory, "vthread");
        int count = memory.getFirst().count();
        out.append(String.format(Locale.ROOT, "%,d actors, each spawned and sent one message, then idle; measured once"
                + " in a fresh JVM per implementation, so the times include warming up (JDK: a virtual thread per actor,"
                + " parked on its queue).%n%n", count));
        out.append("| Measure | Heddle | Pekko | JDK | Heddle vs Pekko | Heddle vs JDK |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        memoryRow(out, "Heap per idle actor, bytes", heddle, pekko, jdk, IdleActorMemory.Result::bytesPerActor);
        memoryRow(out, String.format(Locale.ROOT, "Spawn %,d and deliver one message each, ms", count), heddle, pekko,
                jdk, IdleActorMemory.Result::spawnAndDeliverMillis);
        memoryRow(out, String.format(Locale.ROOT, "Stop the system with %,d idle actors, ms", count), heddle, pekko,
                jdk, IdleActorMemory.Result::shutdownMillis);
    }

    private static void memoryRow(StringBuilder out, String measure, Optional<IdleActorMemory.Result> heddle,
                                  Optional<IdleActorMemory.Result> pekko, Optional<IdleActorMemory.Result> jdk,
                                  ToDoubleFunction<IdleActorMemory.Result> value) {
        double h = heddle.map(value::applyAsDouble).orElse(Double.NaN);
        double p = pekko.map(value::applyAsDouble).orElse(Double.NaN);
        double j = jdk.map(value::applyAsDouble).orElse(Double.NaN);
        out.append("| ").append(measure).append(" | ").append(orDash(h)).append(" | ").append(orDash(p))
                .append(" | ").append(orDash(j)).append(" | ").append(ratio(Ratios.advantage(h, p, true)))
                .append(" | ").append(ratio(Ratios.advantage(h, j, true))).append(" |\n");
    }

    private static Optional<IdleActorMemory.Result> find(List<IdleActorMemory.Result> memory, String impl) {
        return memory.stream().filter(m -> m.impl().equals(impl)).findFirst();
    }

    private static String score(Optional<JmhResult> result) {
        if (result.isEmpty()) return "—";
        JmhResult r = result.get();
        return Double.isNaN(r.error()) ? number(r.score()) + " ± n/a" : number(r.score()) + " ± " + number(r.error());
    }

    private static String orDash(double value) {
        return Double.isNaN(value) ? "—" : number(value);
    }

    /** Three significant digits or so, with thousands separators for big numbers. */
    static String number(double value) {
        if (Double.isNaN(value)) return "n/a";
        double abs = Math.abs(value);
        if (abs >= 100) return String.format(Locale.ROOT, "%,.0f", value);
        if (abs >= 10) return String.format(Locale.ROOT, "%.1f", value);
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f×", value);
    }
}
