/** Adapters to Micrometer, OpenTelemetry, JFR and SLF4J (being built). */
package io.heddle.observe;
