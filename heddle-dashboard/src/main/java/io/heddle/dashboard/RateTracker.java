package io.heddle.dashboard;

import io.heddle.Pid;
import io.heddle.inspect.ActorInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-actor message rates, from differences of {@link ActorInfo#processed()} between samples, keyed by pid (a
 * restarted actor has a new pid, so its rate starts afresh). The counter wraps; an int difference is still right.
 *
 * <p>A rate is measured over at least {@code minWindow}: a sample that comes sooner keeps the previous mark and
 * reports the previous rate. A mark older than {@code maxWindow} (nobody watched for a while) is dropped rather than
 * averaged over, and the actor has no rate until the next sample.
 *
 * <p>Not thread-safe: {@link Sampler} calls it under its lock.
 */
final class RateTracker {

    private record Mark(int processed, long nanos, Double rate) {}

    private final long minWindowNanos;
    private final long maxWindowNanos;
    private Map<Pid, Mark> marks = new HashMap<>();

    RateTracker(long minWindowNanos, long maxWindowNanos) {
        this.minWindowNanos = minWindowNanos;
        this.maxWindowNanos = maxWindowNanos;
    }

    /**
     * Records the actors' counters at {@code nanos} ({@link System#nanoTime()}) and returns each one's rate in
     * messages per second; actors seen for the first time, or not seen recently, have none. Forgets stopped actors.
     */
    Map<Pid, Double> update(List<ActorInfo> actors, long nanos) {
        Map<Pid, Mark> next = HashMap.newHashMap(actors.size());
        Map<Pid, Double> rates = HashMap.newHashMap(actors.size());
        for (ActorInfo a : actors) {
            Mark mark = marks.get(a.pid());
            Mark now = new Mark(a.processed(), nanos, null);
            if (mark != null) {
                long window = nanos - mark.nanos();
                if (window < minWindowNanos) {
                    now = mark;
                } else if (window <= maxWindowNanos) {
                    long handled = Integer.toUnsignedLong(a.processed() - mark.processed());
                    now = new Mark(a.processed(), nanos, handled * 1e9 / window);
                }
            }
            next.put(a.pid(), now);
            if (now.rate() != null) rates.put(a.pid(), now.rate());
        }
        marks = next;
        return rates;
    }
}
