package io.heddle.dashboard;

import io.heddle.ActorRef;

/** What the dashboard can do to an actor; each needs the token. */
enum Action {
    /** {@link ActorRef#stop()}: a graceful stop, terminate hooks and all. */
    STOP,
    /** {@link ActorRef#kill()}: stops before its next message, without terminate hooks; interrupts a blocked handler. */
    KILL;

    /** Applies it; returns at once, without waiting for the actor to stop. */
    void apply(ActorRef<?> ref) {
        switch (this) {
            case STOP -> ref.stop();
            case KILL -> ref.kill();
        }
    }

    /** Returns the path segment, {@code stop} or {@code kill}. */
    String segment() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
