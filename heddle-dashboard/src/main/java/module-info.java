/**
 * A live web dashboard of a running actor system: Erlang's {@code observer} in a browser. Start it with
 * {@link io.heddle.dashboard.Dashboard#start(io.heddle.ActorSystem, io.heddle.dashboard.DashboardOptions)}.
 */
module io.heddle.dashboard {
    requires transitive io.heddle.core;
    requires jdk.httpserver;

    exports io.heddle.dashboard;
}
