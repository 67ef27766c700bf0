/**
 * Heddle's test kit: a deterministic simulation that runs real actor systems under a seeded scheduler in virtual time,
 * with fault injection; test probes; a synchronous behavior test kit; and JUnit 5 extensions to run tests under one
 * seed or many, and to fail a test whose virtual threads pin their carriers.
 */
module io.heddle.testkit {
    requires transitive io.heddle.core;
    requires transitive org.junit.jupiter.api;
    requires jdk.jfr;

    // API
    exports io.heddle.testkit;
    exports io.heddle.testkit.junit;

    // The JUnit extensions are instantiated reflectively by the JUnit engine.
    opens io.heddle.testkit.junit to org.junit.platform.commons;
}
