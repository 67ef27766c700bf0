/**
 * Adapters from Heddle's observer SPI to Micrometer ({@link io.heddle.observe.micrometer}), OpenTelemetry
 * ({@link io.heddle.observe.otel}), JFR ({@link io.heddle.observe.jfr}) and SLF4J ({@link io.heddle.observe.slf4j}).
 */
package io.heddle.observe;
