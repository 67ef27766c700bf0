package io.heddle.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The documented defaults, and errors that say what to do. */
class DashboardOptionsTest {

    @Test
    void defaultsAreLoopbackAFixedPortARandomTokenAndOneSecond() {
        DashboardOptions d = DashboardOptions.defaults();
        assertEquals("127.0.0.1", d.host());
        assertEquals(8642, d.port());
        assertNull(d.token(), "null means a fresh random token per start");
        assertEquals(Duration.ofSeconds(1), d.refreshInterval());
    }

    @Test
    void withersChangeOneThing() {
        DashboardOptions d = DashboardOptions.defaults().port(0).token("0123456789abcdef-_.~")
                .refreshInterval(Duration.ofMillis(250)).host("localhost");
        assertEquals(new DashboardOptions("localhost", 0, "0123456789abcdef-_.~", Duration.ofMillis(250)), d);
    }

    @Test
    void badValuesAreRefusedWithAnExplanation() {
        var d = DashboardOptions.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.port(65_536)).getMessage()
                .contains("0 for any free port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.port(-1)).getMessage()
                .contains("between 0 and 65535"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.token("short")).getMessage()
                .contains("at least 16 characters"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.token("has spaces in it, sixteen+"))
                .getMessage().contains("A-Z a-z 0-9"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.refreshInterval(Duration.ofMillis(10)))
                .getMessage().contains("between 100 ms and 1 minute"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.host(" ")).getMessage()
                .contains("127.0.0.1"));
    }
}
