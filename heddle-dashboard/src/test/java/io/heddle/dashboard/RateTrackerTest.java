package io.heddle.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.heddle.Health;
import io.heddle.Pid;
import io.heddle.inspect.ActorInfo;
import io.heddle.inspect.ActorKind;
import io.heddle.inspect.ActorState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Message rates from differences of the processed counter, on a clock the test controls. */
class RateTrackerTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Pid A = Pid.local(1);
    private static final Pid B = Pid.local(2);

    static ActorInfo info(Pid pid, int processed) {
        return new ActorInfo(pid, "a" + pid.id(), "a" + pid.id(), ActorKind.ACTOR, ActorState.IDLE, null, null, 0, 0,
                1000, processed, null, null, Duration.ZERO, List.of(), List.of(), List.of(), List.of(),
                Health.HEALTHY);
    }

    private final RateTracker tracker = new RateTracker(SECOND / 2, 10 * SECOND);

    @Test
    void aRateIsTheDifferenceOverTheWindow() {
        assertEquals(Map.of(), tracker.update(List.of(info(A, 100)), 0), "no rate from a single sample");
        Map<Pid, Double> rates = tracker.update(List.of(info(A, 350)), 2 * SECOND);
        assertEquals(125.0, rates.get(A), 1e-9);
    }

    @Test
    void theCounterMayWrap() {
        tracker.update(List.of(info(A, Integer.MAX_VALUE - 9)), 0);
        Map<Pid, Double> rates = tracker.update(List.of(info(A, Integer.MIN_VALUE + 10)), SECOND);
        assertEquals(20.0, rates.get(A), 1e-9, "MAX-9 to MIN+10 is 20 messages");
    }

    @Test
    void aSampleTooSoonKeepsTheMarkAndThePreviousRate() {
        tracker.update(List.of(info(A, 0)), 0);
        assertEquals(10.0, tracker.update(List.of(info(A, 10)), SECOND).get(A), 1e-9);
        assertEquals(10.0, tracker.update(List.of(info(A, 1000)), SECOND + SECOND / 10).get(A), 1e-9,
                "100 ms later is too soon: the rate stays");
        assertEquals(1990.0 / 1.0, tracker.update(List.of(info(A, 2000)), 2 * SECOND).get(A), 1e-9,
                "measured from the mark at 1 s, not from the sample in between");
    }

    @Test
    void aStaleMarkGivesNoRate() {
        tracker.update(List.of(info(A, 0)), 0);
        assertNull(tracker.update(List.of(info(A, 5000)), 60 * SECOND).get(A), "a minute since the last look");
        assertEquals(1.0, tracker.update(List.of(info(A, 5001)), 61 * SECOND).get(A), 1e-9);
    }

    @Test
    void stoppedActorsAreForgottenAndNewOnesStartAfresh() {
        tracker.update(List.of(info(A, 0), info(B, 0)), 0);
        Map<Pid, Double> rates = tracker.update(List.of(info(B, 30)), SECOND);
        assertFalse(rates.containsKey(A));
        assertEquals(30.0, rates.get(B), 1e-9);
        assertNull(tracker.update(List.of(info(A, 500), info(B, 30)), 2 * SECOND).get(A),
                "A was forgotten: it has no rate on its first sample back");
    }
}
