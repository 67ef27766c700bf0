package io.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.examples.guide.TestingExamples;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs every example of docs/testing.md and checks what the text says they give. */
@Timeout(60)
class TestingExamplesTest {

    @Test
    void firstSimulation() {
        assertEquals(List.of("stretch", "after 1 h: 1"), TestingExamples.firstSimulation());
    }

    @Test
    void exploreSeeds() {
        String outcome = TestingExamples.exploreSeeds();
        assertTrue(outcome.matches("seed \\d+ fails every time: oversold"), outcome);
    }

    @Test
    void faults() {
        assertEquals(List.of("lost: timed out after 5 s", "after the crash: pong from a new incarnation: true"),
                TestingExamples.faults());
    }

    @Test
    void probe() {
        assertEquals("hello", TestingExamples.probe());
    }

    @Test
    void behaviorTestKit() throws Exception {
        assertEquals(List.of(Duration.ofSeconds(1), 3), TestingExamples.behaviorTestKit());
    }
}
