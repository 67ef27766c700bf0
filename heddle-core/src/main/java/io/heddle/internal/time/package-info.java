/**
 * The runtime's clock: the only source of time, waits and timers (so a simulation can own it), actor timers, and
 * nanosecond arithmetic.
 */
package io.heddle.internal.time;
