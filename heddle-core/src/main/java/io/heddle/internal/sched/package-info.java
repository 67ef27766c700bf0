/**
 * Scheduling beyond the default: an actor's resolved scheduling (throughput, handler timeouts, reentrancy,
 * concurrent reads), a handler run, the starvation and blocked-worker watchdog, and the rate-limited scheduling
 * log.
 */
package io.heddle.internal.sched;
