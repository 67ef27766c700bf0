/**
 * The benchmark report: {@link io.heddle.bench.report.Report} reads JMH's JSON ({@link io.heddle.bench.report.Json},
 * {@link io.heddle.bench.report.JmhResult}) and the idle-actor results, and {@link io.heddle.bench.report.MarkdownReport}
 * renders scores, ratios oriented so that above 1 means Heddle is better ({@link io.heddle.bench.report.Ratios}), the
 * Savina geometric mean and the targets ({@link io.heddle.bench.report.Targets}).
 */
package io.heddle.bench.report;
