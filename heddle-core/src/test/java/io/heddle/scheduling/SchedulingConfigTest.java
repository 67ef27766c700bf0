package io.heddle.scheduling;

import io.heddle.spi.SchedulingMetrics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorSystemConfig;
import io.heddle.Backend;
import io.heddle.SpawnOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The documented defaults, and the errors bad settings get. */
class SchedulingConfigTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        Scheduling s = Scheduling.defaults();
        assertEquals(0, s.throughput(), "0: the system's throughput");
        assertNull(s.handlerTimeout());
        assertSame(TimeoutAction.WARN, s.timeoutAction());
        assertSame(Reentrancy.NONE, s.reentrancy());
        assertEquals(1, s.readParallelism());
        assertTrue(s.isDefault());
        assertFalse(s.throughput(5).isDefault());
        assertEquals(100, ActorSystemConfig.defaults("x").throughput());

        Watchdog w = Watchdog.defaults();
        assertTrue(w.enabled());
        assertEquals(Duration.ofSeconds(1), w.probeInterval());
        assertEquals(Duration.ofMillis(100), w.starvationWarning());
        assertEquals(Duration.ofSeconds(1), w.starvationCritical());
        assertEquals(Duration.ofMillis(100), w.blockedThreshold());
        assertFalse(Watchdog.disabled().enabled());
        assertSame(SchedulingMetrics.NONE, ActorSystemConfig.defaults("x").schedulingMetrics());
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> Scheduling.defaults().throughput(0));
        assertEquals("throughput must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Scheduling.defaults().handlerTimeout(Duration.ZERO, TimeoutAction.CANCEL));
        assertEquals("handlerTimeout must be positive, got PT0S", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scheduling.defaults().concurrentReads(0));
        assertEquals("readParallelism must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Watchdog.defaults().starvation(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("must not be below"), e.getMessage());
    }

    @Test
    void reentrancyAndConcurrentReadsNeedTheDispatcher() {
        var e = assertThrows(IllegalArgumentException.class, () -> SpawnOptions.defaults()
                .scheduling(Scheduling.defaults().reentrancy(Reentrancy.FULL)).backend(Backend.virtualThread()));
        assertTrue(e.getMessage().contains("need Backend.dispatcher()"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpawnOptions.defaults().backend(Backend.platformThread())
                .scheduling(Scheduling.defaults().concurrentReads(4)));
        // Timeouts and throughput work on every backend.
        SpawnOptions.defaults().backend(Backend.virtualThread())
                .scheduling(Scheduling.defaults().throughput(1).handlerTimeout(Duration.ofSeconds(1),
                        TimeoutAction.STOP));
    }
}
