/**
 * Micrometer metrics of an actor system: install them with
 * {@link io.heddle.observe.micrometer.HeddleMetrics#install(io.heddle.ActorSystemConfig,
 * io.micrometer.core.instrument.MeterRegistry)}. The meters are listed in
 * {@link io.heddle.observe.micrometer.MeterNames} and their tags in
 * {@link io.heddle.observe.micrometer.MeterTags}. Needs {@code io.micrometer:micrometer-core}.
 */
package io.heddle.observe.micrometer;
