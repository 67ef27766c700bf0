package io.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ShowcaseTest {

    /**
     * Stock is tea 12, cups 5, kettle 2 and each sku gets 8 orders, so 15 orders are paid whatever the interleaving;
     * every seventh charge crashes the gateway, and each retry reaches a restarted gateway, so 17 charges mean exactly
     * 2 crashes, each followed by one restart by the payments supervisor.
     */
    @Test
    void everyOrderIsSettledAndTheCrashedGatewayIsRestartedByItsSupervisor() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Showcase.Report report = Showcase.run(lines::add);
        assertEquals(24, report.orders());
        assertEquals(15, report.paid());
        assertEquals(9, report.outOfStock());
        assertEquals(0, report.failed());
        assertEquals(2, report.crashes());
        assertEquals(2, report.gatewayRestarts());
        assertEquals(List.of("checkout", "gateway", "inventory"), report.shutdownOrder());
        assertEquals(2, lines.stream().filter(l -> l.contains("crashed") && l.contains("restarted it as")).count());
        assertTrue(lines.stream().anyMatch(l -> l.contains("gateway") && l.contains("(restarted 2x)")),
                lines::toString);
        assertTrue(lines.getLast().startsWith("Shutdown stopped checkout, gateway, inventory"), lines::toString);
    }
}
