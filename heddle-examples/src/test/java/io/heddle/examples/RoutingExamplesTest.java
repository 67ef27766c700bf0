package io.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.examples.guide.RoutingExamples;
import io.heddle.routing.RoutingStrategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs every example of docs/routing.md and checks what the text says they give. */
@Timeout(60)
class RoutingExamplesTest {

    @Test
    void roundRobinSharesEvenly() {
        assertEquals(List.of("{q1=4, q2=4, q3=4}", "ACME from q1"), RoutingExamples.roundRobin());
    }

    @Test
    void consistentHashingKeepsEachCartWhole() {
        List<String> sizes = RoutingExamples.consistentHashing();
        assertEquals(3, sizes.size());
        for (String size : sizes) assertTrue(size.matches("(alice|bob|carol) has 3 items at carts-[0-3]"), size);
    }

    @Test
    void smallestMailboxSpareTheSlowWorker() {
        assertEquals(Map.of("fast", 50, "slow", 50), RoutingExamples.jobsPerWorker(RoutingStrategy.roundRobin()));
        Map<String, Integer> smallest = RoutingExamples.jobsPerWorker(RoutingStrategy.smallestMailbox());
        assertEquals(100, smallest.get("fast") + smallest.get("slow"));
        assertTrue(smallest.get("fast") > 3 * smallest.get("slow"), smallest.toString());
    }

    @Test
    void broadcastWithAJoiner() {
        assertEquals(List.of("all: [7, 7, 6] after 500 ms", "quorum: [7, 7] after 30 ms"),
                RoutingExamples.broadcast());
    }

    @Test
    void groupsFollowTheirMembers() {
        assertEquals(List.of("routees: 2", "after q1 stopped: ACME from q2"), RoutingExamples.groups());
    }

    @Test
    void noRouteeIsAnErrorOrADeadLetter() {
        List<String> seen = RoutingExamples.noRoutee();
        assertTrue(seen.get(0).matches("call through router 'group-quoters' <0\\.\\d+\\.0> not made: it has no live "
                + "routee \\(group quoters\\)\\. Start or add routees first, or wait for a pool to restart its "
                + "workers\\."), seen.get(0));
        assertEquals("NO_ROUTEE: Refresh", seen.get(1));
    }

    @Test
    void aPoolGrowsUnderABurstAndShrinksWhenIdle() {
        assertEquals(List.of("start: 2", "largest: 8", "idle: 2", "each job done once: true"),
                RoutingExamples.resizing());
    }

    @Test
    void aCrashedWorkerLosesNoJob() {
        assertEquals(List.of("workers-1 restarted as workers-1, new pid: true", "jobs done: 60, each once: true"),
                RoutingExamples.crashInPool());
    }
}
