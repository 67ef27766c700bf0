package io.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.DeadLetter;
import io.heddle.ExitReason;
import io.heddle.examples.guide.CounterExample;
import io.heddle.examples.guide.GuideExamples;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs every example of the README and docs/getting-started.md, and checks what the text says they print. */
@Timeout(60)
class GuideExamplesTest {

    @Test
    void counter() {
        assertEquals(42, CounterExample.run());
    }

    @Test
    void lightSwitch() {
        assertEquals("on", GuideExamples.lightSwitch());
    }

    @Test
    void heartbeat() throws Exception {
        assertEquals(3, GuideExamples.heartbeat());
    }

    @Test
    void callTimeout() {
        String text = GuideExamples.callTimeout();
        assertTrue(text.startsWith("call to <0."), text);
        assertTrue(text.contains("timed out after") && text.contains("Slow (mailbox depth 0)"), text);
    }

    @Test
    void selectiveReceive() throws Exception {
        assertEquals(List.of("job 1 finished: true", "news", "end"), GuideExamples.selectiveReceive());
    }

    @Test
    void mailboxes() throws Exception {
        List<DeadLetter.Reason> reasons = GuideExamples.mailboxes();
        assertEquals(DeadLetter.Reason.DROPPED, reasons.getFirst(), reasons::toString);
        assertEquals(1, reasons.stream().filter(r -> r == DeadLetter.Reason.DROPPED).count(), reasons::toString);
    }

    @Test
    void backends() throws Exception {
        assertEquals(ExitReason.SHUTDOWN, GuideExamples.backends());
    }
}
