package io.heddle.observe.internal;

import io.heddle.Pid;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The labels of live actors by pid, for reports that carry only a pid (scheduling metrics and events, restarts). Fed
 * by an observer's {@code actorStarted} and {@code actorStopped}. Thread-safe and lock-free; never throws for a
 * non-null pid.
 */
public final class ActorLabels {

    /** The label of a pid that is not (or no longer) known: Heddle's internal actors, or an actor already stopped. */
    public static final String UNKNOWN = "unknown";

    private final ConcurrentHashMap<Pid, String> labels = new ConcurrentHashMap<>();

    /** Records that {@code pid} started with {@code label}. */
    public void started(Pid pid, String label) {
        labels.put(pid, label);
    }

    /** Forgets {@code pid}. */
    public void stopped(Pid pid) {
        labels.remove(pid);
    }

    /** Returns the label of {@code pid}, or {@link #UNKNOWN}. */
    public String of(Pid pid) {
        return labels.getOrDefault(pid, UNKNOWN);
    }
}
