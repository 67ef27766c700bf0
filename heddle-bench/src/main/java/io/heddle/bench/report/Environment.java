package io.heddle.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where a benchmark run happened: the report prints it above the tables, since numbers mean little without it.
 *
 * @param jvm   the JVM that ran the benchmarks
 * @param cpu   the processor model
 * @param cores the processors available to the JVM
 * @param os    operating system, version and architecture
 * @param date  when the report was made
 * @param load  the load averages over 1, 5 and 15 minutes when the report was made (Linux), or "unknown": on a shared
 *              machine a load above the core count means the run competed for the processors
 */
public record Environment(String jvm, String cpu, int cores, String os, String date, String load) {

    /**
     * Describes this machine. {@code jvm} comes from the JMH results (the forks' JVM) when given; {@code cpu}
     * overrides the model read from {@code /proc/cpuinfo}.
     */
    public static Environment current(String jvm, String cpu) {
        return new Environment(
                jvm != null ? jvm : "JDK " + Runtime.version() + ", " + System.getProperty("java.vm.name"),
                cpu != null && !cpu.isBlank() ? cpu : cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                loadAverage());
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                for (String line : Files.readAllLines(cpuinfo)) {
                    if (line.startsWith("model name") || line.startsWith("Model") || line.startsWith("Hardware")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException e) {
                // fall through: the model is nice to have, not essential
            }
        }
        return "unknown (" + System.getProperty("os.arch") + ")";
    }
}
