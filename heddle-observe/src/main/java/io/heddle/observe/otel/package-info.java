/**
 * OpenTelemetry tracing of actor messages: install it with
 * {@link io.heddle.observe.otel.HeddleTracing#install(io.heddle.ActorSystemConfig,
 * io.opentelemetry.api.OpenTelemetry)}. Needs {@code io.opentelemetry:opentelemetry-api}.
 */
package io.heddle.observe.otel;
