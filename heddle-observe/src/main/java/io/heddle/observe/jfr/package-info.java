/**
 * JDK Flight Recorder events of an actor system: install them with
 * {@link io.heddle.observe.jfr.HeddleFlightRecorder#install(io.heddle.ActorSystemConfig)}. The event names are in
 * {@link io.heddle.observe.jfr.EventNames}. Needs the JDK's {@code jdk.jfr} module only.
 */
package io.heddle.observe.jfr;
