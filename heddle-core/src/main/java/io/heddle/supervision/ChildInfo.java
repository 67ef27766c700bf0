package io.heddle.supervision;

import io.heddle.ActorRef;
import io.heddle.Health;
import java.util.Optional;

/**
 * One child as its supervisor sees it: OTP's {@code which_children}, plus restarts and health.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id       the child's id
 * @param actor    the running incarnation, or null while restarting or stopped
 * @param type     worker or supervisor
 * @param restart  its restart type
 * @param status   running, restarting (waiting for its backoff) or stopped
 * @param restarts how many times it has been restarted
 * @param health   its health; unhealthy while it is not running
 */
public record ChildInfo(String id, ActorRef<?> actor, ChildType type, Restart restart, Status status, int restarts,
                        Health health) {

    /** Where a child is in its life. */
    public enum Status {
        /** Running: {@link ChildInfo#actor()} is its current incarnation. */
        RUNNING,
        /** Exited and waiting for its restart backoff to pass. */
        RESTARTING,
        /** Stopped for good (terminated on request, or a transient child that exited normally); the spec is kept. */
        STOPPED
    }

    /** Returns the running incarnation, if any. */
    public Optional<ActorRef<?>> running() {
        return Optional.ofNullable(actor);
    }
}
