/** Runnable examples and the showcase. Not published. */
module io.heddle.examples {
    requires io.heddle.core;

    exports io.heddle.examples;
}
