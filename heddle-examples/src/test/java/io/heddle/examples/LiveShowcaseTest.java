package io.heddle.examples;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.dashboard.DashboardOptions;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LiveShowcaseTest {

    /** The live showcase keeps taking orders, its gateway crashes and restarts, and its dashboard serves the tree. */
    @Test
    void runsWithTheDashboardOn() throws Exception {
        try (LiveShowcase live = LiveShowcase.start(DashboardOptions.defaults().port(0), line -> {})) {
            await().atMost(Duration.ofSeconds(30)).until(() -> live.crashes() >= 1 && live.orders() >= 10);
            URI tree = live.dashboard().uri().resolve("/api/tree");
            HttpURLConnection connection = (HttpURLConnection) tree.toURL().openConnection();
            String body;
            try (InputStream in = connection.getInputStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                connection.disconnect();
            }
            assertEquals(200, connection.getResponseCode());
            for (String actor : new String[] {"shop", "payments", "gateway", "checkout", "inventory", "packers"}) {
                assertTrue(body.contains("\"" + actor + "\""), actor + " in " + body);
            }
            assertTrue(live.status().matches("\\d+ orders, \\d+ paid, \\d+ packed; gateway crashes [1-9]\\d*; \\d+ "
                    + "packers; \\d+ dead letters"), live.status());
        }
    }
}
