/**
 * Workloads beyond Savina that the project's targets name: fan-in from two platform threads into one actor (with
 * Heddle's bounded default mailbox and an unbounded variant) and a blocking request/reply call.
 */
package io.heddle.bench.micro;
