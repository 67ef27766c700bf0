package io.heddle.bench.report;

import io.heddle.bench.IdleActorMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a JMH JSON result file and {@link IdleActorMemory} results into a markdown report ({@link MarkdownReport}).
 * {@code heddle-bench/run-benchmarks.sh} runs it after the benchmarks:
 *
 * <pre>java -cp benchmarks.jar io.heddle.bench.report.Report --jmh jmh.json [--memory memory-heddle.json ...]
 *     [--label quick] [--cpu "model"] [--out report.md]</pre>
 *
 * <p>Without {@code --out} the report goes to standard output. Exits with status 2 on bad arguments; a malformed input
 * file fails with its name and the parse error.
 */
public final class Report {

    private Report() {}

    /** Parses the arguments, reads the inputs, and writes the report. */
    public static void main(String[] args) throws Exception {
        Path jmh = null;
        Path out = null;
        String label = "custom";
        String cpu = null;
        List<Path> memoryFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) usage("missing value after " + flag);
            String value = args[++i];
            switch (flag) {
                case "--jmh" -> jmh = Path.of(value);
                case "--memory" -> memoryFiles.add(Path.of(value));
                case "--out" -> out = Path.of(value);
                case "--label" -> label = value;
                case "--cpu" -> cpu = value;
                default -> usage("unknown option " + flag);
            }
        }
        if (jmh == null) usage("--jmh is required");

        String json = read(jmh);
        Results results = new Results(JmhResult.parseAll(json));
        JmhResult.Settings settings = JmhResult.settings(json);
        List<IdleActorMemory.Result> memory = new ArrayList<>();
        for (Path file : memoryFiles) {
            try {
                memory.add(MemoryResults.parse(read(file)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        String jvm = settings == null ? null
                : "JDK " + settings.jdkVersion() + ", " + settings.vmName() + " " + settings.vmVersion();
        String report = MarkdownReport.render(label, results, settings, memory, Environment.current(jvm, cpu));
        if (out == null) {
            System.out.print(report);
        } else {
            Files.writeString(out, report);
        }
    }

    private static String read(Path file) throws Exception {
        if (!Files.isReadable(file)) throw new IllegalArgumentException("cannot read " + file);
        return Files.readString(file);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: Report --jmh jmh.json [--memory memory-IMPL.json ...] [--label quick|full]"
                + " [--cpu model] [--out report.md]");
        System.exit(2);
    }
}
