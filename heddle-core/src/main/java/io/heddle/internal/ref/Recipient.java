package io.heddle.internal.ref;

import io.heddle.ActorRef;
import io.heddle.internal.mailbox.Envelope;
import io.heddle.internal.signals.Control;

/**
 * What the runtime needs of an actor reference, whichever side of a wire the actor is on: deliver an envelope, send a
 * control message, tell whether it has terminated. {@link ActorRef} permits this interface only; the local
 * {@link io.heddle.internal.cell.ActorCell} implements it, and a remote reference (the cluster module's) will. Links,
 * monitors and exit signals hold recipients, not cells.
 *
 * <p>What only holds locally is documented where it is used: deadlock detection follows what local actors wait on
 * through pointers, and {@link #isTerminated()} is exact only for a local actor (for a remote one it is what this node
 * last heard).
 *
 * <p>Thread-safe: every method may be called from any thread and never blocks, except {@link #deliver} with a wait.
 *
 * @param <M> the type of messages the actor accepts
 */
public non-sealed interface Recipient<M> extends ActorRef<M> {

    /**
     * Puts {@code envelope} in the actor's mailbox (or urgent lane), waiting up to {@code waitNanos} for space in a
     * full fixed mailbox. Returns {@link io.heddle.internal.mailbox.MailboxQueue#OK}, {@code FULL} or {@code CLOSED};
     * what was not delivered is the caller's to dead-letter.
     */
    int deliver(Envelope envelope, long waitNanos, boolean urgent);

    /** Sends a control message (stop, kill, exit, down), which is never bounded and never dropped while alive. */
    void signal(Control message);

    /** True once the actor has terminated. */
    boolean isTerminated();

    /** True if the actor lives in this JVM's system (the default); false for a remote reference. */
    default boolean isLocal() {
        return true;
    }
}
