package io.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.heddle.examples.guide.TaskExamples;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs every example of docs/structured-concurrency.md and checks what the text says they give. */
@Timeout(60)
class TaskExamplesTest {

    @Test
    void allQuotes() {
        assertEquals(List.of(40, 60, 70), TaskExamples.allQuotes());
    }

    @Test
    void joiners() {
        assertEquals(List.of("first success 60 at 10 ms", "quorum 2", "value 40", "failed: broken is down"),
                TaskExamples.joiners());
    }

    @Test
    void shieldedCleanup() {
        assertEquals(List.of("progress saved at 145 ms", "worker cancelled"), TaskExamples.shieldedCleanup());
    }

    @Test
    void deadlines() {
        assertEquals("gave up after 300 ms", TaskExamples.deadlines());
    }
}
