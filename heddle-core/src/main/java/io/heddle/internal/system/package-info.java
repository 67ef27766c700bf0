/**
 * The actor system: what it owns (clock, threads, dispatcher, dead letters, randomness, table) and what it takes
 * from its environment (SystemRuntime, the test kit's way in).
 */
package io.heddle.internal.system;
