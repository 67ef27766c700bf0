package io.heddle.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/dashboard.md}, run. {@code DocsSnippetsTest} (heddle-examples) checks that every line
 * of the guide's java blocks appears in this module's sources: change an example here, and the guide must follow.
 */
class DashboardDocsExamplesTest {

    @Test
    void startPrintTheLinkAndCloseWithTheSystem() {
        DashboardOptions options = DashboardOptions.defaults()
                .host("127.0.0.1")
                .port(0)
                .token(System.getenv("SHOP_DASHBOARD_TOKEN"))
                .refreshInterval(Duration.ofMillis(500));
        Dashboard seen;
        try (ActorSystem system = ActorSystem.create(Dashboard.instrument(ActorSystemConfig.defaults("shop")));
             Dashboard dashboard = Dashboard.start(system, options)) {
            System.out.println("Dashboard: " + dashboard.uriWithToken());
            seen = dashboard;
            assertEquals("127.0.0.1", dashboard.uri().getHost());
            assertNotEquals(0, dashboard.uri().getPort(), "port 0 picked a free port, and uri() tells which");
            assertEquals(dashboard.uri() + "?token=" + dashboard.token(), dashboard.uriWithToken().toString());
            assertEquals(200, Http.get(dashboard, "/api/system").statusCode());
            assertEquals(true, JsonParser.object(Http.get(dashboard, "/api/state").body()).get("instrumented"));
        }
        assertFalse(seen.isRunning(), "closed");
    }
}
