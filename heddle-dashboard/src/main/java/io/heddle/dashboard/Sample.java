package io.heddle.dashboard;

/**
 * A {@link Snapshot} as served: the snapshot and, encoded once on first use and then shared by every event stream and
 * request, its JSON state document.
 *
 * <p>Thread-safe: two threads may both encode it the first time; they produce the same text.
 */
final class Sample {

    private final Snapshot snapshot;
    private volatile String state;

    Sample(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** Returns the snapshot. */
    Snapshot snapshot() {
        return snapshot;
    }

    /** Returns the snapshot as {@code /api/state} serves it. */
    String stateJson() {
        String s = state;
        if (s == null) state = s = StateJson.state(snapshot);
        return s;
    }
}
