/**
 * Threads that run actor turns: the shared dispatcher of worker virtual threads, dedicated runners, the inline
 * runner of a caller-run turn, the turn scheduler seam, and waits that hand a worker's place to another.
 */
package io.heddle.internal.dispatch;
