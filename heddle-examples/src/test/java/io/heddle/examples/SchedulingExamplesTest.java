package io.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.examples.guide.SchedulingExamples;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs every example of docs/scheduling.md and checks what the text says they give. */
@Timeout(60)
class SchedulingExamplesTest {

    @Test
    void throughput() {
        assertEquals(0, SchedulingExamples.neighbourWaits(1));
        assertEquals(999, SchedulingExamples.neighbourWaits(1_000));
    }

    @Test
    void handlerTimeouts() {
        assertEquals(List.of("fast: 42", "HandlerTimeoutException after 600 ms", "still serving: 42",
                "hook: GetQuote CANCEL"), SchedulingExamples.handlerTimeouts());
    }

    @Test
    void reentrancy() {
        List<String> seen = SchedulingExamples.reentrancy();
        assertTrue(seen.get(0).matches("NONE: call from payments<0\\.\\d+\\.0> to booking<0\\.\\d+\\.0> with Confirm "
                + "not made: it would deadlock\\. The actors wait on each other in a cycle: payments<0\\.\\d+\\.0> -> "
                + "booking<0\\.\\d+\\.0> -> payments<0\\.\\d+\\.0>"), seen.get(0));
        assertTrue(seen.get(1).matches("CALL_CHAIN: charged 120 in chain#\\d+ <0\\.\\d+\\.0>"), seen.get(1));
    }

    @Test
    void readOnly() {
        assertEquals("10 lookups of 50 ms, prices summing to 40, answered after 60 ms", SchedulingExamples.readOnly());
    }

    @Test
    void urgent() {
        assertEquals(List.of("long job", "cancel job 2", "job 1", "job 2"), SchedulingExamples.urgent());
    }

    @Test
    void watchdog() throws InterruptedException {
        String report = SchedulingExamples.watchdog();
        assertTrue(report.matches("<0\\.\\d+\\.0> held its worker, thread WAITING"), report);
    }
}
