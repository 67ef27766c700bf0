/**
 * The actor in the SLF4J MDC while its handlers run: install it with
 * {@link io.heddle.observe.slf4j.HeddleMdc#install(io.heddle.ActorSystemConfig)}. Needs {@code org.slf4j:slf4j-api}
 * and a binding that keeps an MDC (Logback, Log4j 2).
 */
package io.heddle.observe.slf4j;
