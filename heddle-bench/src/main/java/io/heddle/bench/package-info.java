/**
 * Heddle's benchmarks against Apache Pekko typed and a bare-JDK baseline (not published). Every workload runs on every
 * implementation in one JMH run, checks its own result so that a lost or duplicated message fails instead of scoring,
 * and the report gives Heddle's ratio to each. See {@code docs/benchmarks.md}.
 *
 * <ul>
 *   <li>this package: what the workloads share ({@link io.heddle.bench.Workload}, {@link io.heddle.bench.Run},
 *       {@link io.heddle.bench.Tally}, {@link io.heddle.bench.Check}), the Pekko host, the JDK baseline's
 *       {@link io.heddle.bench.JdkActor}, and {@link io.heddle.bench.IdleActorMemory} (not JMH);</li>
 *   <li>{@link io.heddle.bench.savina}: the Savina micro benchmarks;</li>
 *   <li>{@link io.heddle.bench.micro}: fan-in under backpressure and the blocking call;</li>
 *   <li>{@link io.heddle.bench.report}: the markdown report made from JMH's JSON.</li>
 * </ul>
 *
 * <p>Layout of a workload: a JMH class named after it ({@code Counting}) with its parameters as constants and
 * {@code create(impl)}, and one class per implementation ({@code CountingHeddle}, {@code CountingPekko},
 * {@code CountingJdk}) with its own message types.
 */
package io.heddle.bench;
