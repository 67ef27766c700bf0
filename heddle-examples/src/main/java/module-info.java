/** Runnable examples and the showcase. Not published. */
module io.heddle.examples {
    requires transitive io.heddle.core;
    requires io.heddle.testkit;
    requires transitive io.heddle.dashboard;
    requires java.logging;

    exports io.heddle.examples;
}
