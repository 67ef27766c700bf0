/** A live web dashboard of a running actor system. */
module io.heddle.dashboard {
    requires transitive io.heddle.core;
    requires jdk.httpserver;
}
