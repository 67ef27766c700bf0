/**
 * Adapters from Heddle's observer SPI, scheduling metrics and inspection to Micrometer, OpenTelemetry, JFR and SLF4J.
 * Each adapter lives in a package of its own and is installed on an {@link io.heddle.ActorSystemConfig} before the
 * system is created. The libraries are optional: an application adds the ones whose adapters it uses (JFR is part of
 * the JDK).
 */
module io.heddle.observe {
    requires transitive io.heddle.core;

    // Optional libraries, each needed only by its adapter. Transitive, as the adapters' signatures name their types.
    requires static transitive micrometer.core;
    requires static transitive io.opentelemetry.api;
    requires static io.opentelemetry.context;
    requires static org.slf4j;
    // Not static: part of every full JDK, and an application that installs the JFR adapter names no jdk.jfr type, so
    // it would not think of requiring the module itself.
    requires transitive jdk.jfr;

    exports io.heddle.observe.micrometer;
    exports io.heddle.observe.otel;
    exports io.heddle.observe.jfr;
    exports io.heddle.observe.slf4j;
}
