/** Adapters from Heddle's inspection and observer SPI to Micrometer, OpenTelemetry, JFR and SLF4J. */
module io.heddle.observe {
    requires transitive io.heddle.core;
}
