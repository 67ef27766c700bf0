/**
 * The Savina micro benchmarks (Imam and Sarkar, "Savina — An Actor Benchmark Suite", 2014), written here from the
 * paper's descriptions: ping-pong, counting, fork-join throughput, fork-join creation, thread ring, chameneos, big and
 * Fibonacci. The report's geometric mean of Heddle vs Pekko is taken over the workloads in this package.
 */
package io.heddle.bench.savina;
