package io.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ExitReason;
import io.heddle.Health;
import io.heddle.examples.guide.SupervisionExamples;
import io.heddle.supervision.Backoff;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs every example of docs/supervision.md and checks what the text says they give. */
@Timeout(60)
class SupervisionExamplesTest {

    @Test
    void linkedWorker() throws Exception {
        String heard = SupervisionExamples.linkedWorker();
        assertTrue(heard.contains("exited: error: java.lang.IllegalStateException: cannot do the dishes"), heard);
    }

    @Test
    void monitorAWorker() throws Exception {
        assertEquals(ExitReason.SHUTDOWN, SupervisionExamples.monitorAWorker());
    }

    @Test
    void registry() {
        assertEquals("hello, Ada", SupervisionExamples.registry());
    }

    @Test
    void supervisedCounter() throws Exception {
        assertEquals(List.of(2, 1, 0), SupervisionExamples.supervisedCounter());
    }

    @Test
    void withBackoff() {
        Backoff backoff = SupervisionExamples.withBackoff().backoff();
        assertEquals(Duration.ofMillis(100), backoff.initial());
        assertEquals(Duration.ofSeconds(10), backoff.max());
        assertEquals(0.2, backoff.jitter());
    }

    @Test
    void sessions() {
        assertEquals(2, SupervisionExamples.sessions());
    }

    @Test
    void redundancy() {
        List<Health> seen = SupervisionExamples.redundancy();
        assertEquals(Health.HEALTHY, seen.get(0));
        assertEquals(Health.HEALTHY, seen.get(1));
        assertInstanceOf(Health.Degraded.class, seen.get(2));
    }
}
