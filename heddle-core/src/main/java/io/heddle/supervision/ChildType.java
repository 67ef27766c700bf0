package io.heddle.supervision;

/** What a child is, which sets its default {@link Shutdown}. */
public enum ChildType {
    /** A worker: default shutdown {@code Shutdown.timeout(5 s)}. */
    WORKER,
    /** A supervisor of its own children: default shutdown {@link Shutdown#infinity()}, so its subtree stops cleanly. */
    SUPERVISOR
}
