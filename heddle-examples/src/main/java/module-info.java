/** Runnable examples and the showcase. Not published. */
module io.heddle.examples {
    requires io.heddle.core;
    requires io.heddle.testkit;

    exports io.heddle.examples;
}
