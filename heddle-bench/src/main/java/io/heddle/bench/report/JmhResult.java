package io.heddle.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of JMH's JSON result file ({@code -rf json}): one benchmark method on one implementation. Benchmarks are
 * named {@code io.heddle.bench.<suite>.<Workload>.<op>}, where the method name says what one operation is
 * ({@code roundTrip}, {@code hop}, {@code message}), and take the implementation as the {@code impl} parameter.
 *
 * <p>Scores are normalised when read: an average time to nanoseconds per operation, a throughput to operations per
 * second, whatever {@code -tu} the run used.
 *
 * @param suite    the package under {@code io.heddle.bench}: {@code savina} or {@code micro}
 * @param workload the benchmark class's simple name, for example {@code PingPong}
 * @param op       the benchmark method's name: what one operation is
 * @param impl     the {@code impl} parameter: {@code heddle}, a Heddle variant such as {@code heddle-unbounded},
 *                 {@code pekko} or {@code jdk}
 * @param lowerIsBetter true for average time (nanoseconds per operation), false for throughput (operations per second)
 * @param score    the score, normalised
 * @param error    the 99.9% confidence half-width JMH reports, normalised; NaN when there were too few iterations
 */
public record JmhResult(String suite, String workload, String op, String impl, boolean lowerIsBetter, double score,
                        double error) {

    /** The JMH settings of a run, from its first result. */
    public record Settings(String jmhVersion, String jdkVersion, String vmName, String vmVersion, int forks,
                           int warmupIterations, String warmupTime, int measurementIterations,
                           String measurementTime) {

        @Override
        public String toString() {
            return "JMH " + jmhVersion + ", " + plural(forks, "fork") + ", " + plural(warmupIterations, "warm-up iteration")
                    + " of " + warmupTime + ", " + plural(measurementIterations, "measured iteration") + " of "
                    + measurementTime;
        }

        private static String plural(int count, String noun) {
            return count + " " + noun + (count == 1 ? "" : "s");
        }
    }

    /** Returns true for the Savina workloads, over which the geometric mean is taken. */
    public boolean isSavina() {
        return suite.equals("savina");
    }

    /** Returns the unit of {@link #score()}: for example "ns per round trip" or "messages per s". */
    public String unit() {
        String what = words(op);
        return lowerIsBetter ? "ns per " + what : what + "s per s";
    }

    /** Parses a JMH JSON result file. */
    public static List<JmhResult> parseAll(String json) {
        List<JmhResult> results = new ArrayList<>();
        for (Object entry : Json.array(Json.parse(json))) results.add(parse(Json.object(entry)));
        return results;
    }

    /** Reads the run's settings from the first result of a JMH JSON result file, or null if it has none. */
    public static Settings settings(String json) {
        List<Object> entries = Json.array(Json.parse(json));
        if (entries.isEmpty()) return null;
        Map<String, Object> first = Json.object(entries.getFirst());
        return new Settings(string(first, "jmhVersion"), string(first, "jdkVersion"), string(first, "vmName"),
                string(first, "vmVersion"), (int) Json.number(first.get("forks")),
                (int) Json.number(first.get("warmupIterations")), string(first, "warmupTime"),
                (int) Json.number(first.get("measurementIterations")), string(first, "measurementTime"));
    }

    private static JmhResult parse(Map<String, Object> entry) {
        String benchmark = string(entry, "benchmark");
        String[] parts = benchmark.split("\\.");
        if (parts.length < 3) throw new IllegalArgumentException("unexpected benchmark name " + benchmark);
        String op = parts[parts.length - 1];
        String workload = parts[parts.length - 2];
        String suite = parts[parts.length - 3];
        Object params = entry.get("params");
        String impl = params == null ? "?" : String.valueOf(Json.object(params).getOrDefault("impl", "?"));
        String mode = string(entry, "mode");
        Map<String, Object> metric = Json.object(entry.get("primaryMetric"));
        String unit = string(metric, "scoreUnit");
        double score = Json.number(metric.get("score"));
        double error = Json.number(metric.get("scoreError"));
        return switch (mode) {
            case "avgt", "sample", "ss" -> {
                double toNanos = nanosPer(unit.substring(0, unit.indexOf('/')), benchmark);
                yield new JmhResult(suite, workload, op, impl, true, score * toNanos, error * toNanos);
            }
            case "thrpt" -> {
                double perSecond = 1e9 / nanosPer(unit.substring(unit.indexOf('/') + 1), benchmark);
                yield new JmhResult(suite, workload, op, impl, false, score * perSecond, error * perSecond);
            }
            default -> throw new IllegalArgumentException("unknown JMH mode " + mode + " of " + benchmark);
        };
    }

    private static double nanosPer(String timeUnit, String benchmark) {
        return switch (timeUnit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw new IllegalArgumentException("unknown time unit " + timeUnit + " of " + benchmark);
        };
    }

    private static String string(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (value == null) throw new IllegalArgumentException("JMH result without \"" + key + "\": " + object);
        return value.toString();
    }

    /** "roundTrip" becomes "round trip". */
    static String words(String camelCase) {
        StringBuilder out = new StringBuilder();
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) out.append(' ').append(Character.toLowerCase(c));
            else out.append(c);
        }
        return out.toString();
    }
}
