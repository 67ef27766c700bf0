package io.heddle.internal.routing;

import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.mailbox.EnvelopeMeta;

/**
 * Takes over messages an actor will never handle: those still queued when it stops, and those sent to it after. A
 * pool gives each worker one, which routes such messages to another worker instead of dead letters. Messages a
 * handler has started are never handed over, so nothing is handled twice.
 */
public interface Handover {

    /**
     * Offered a message (and its call, for a request: {@code meta} is then the pending reply, which the new recipient
     * answers) that {@code from} will never handle. Returns true if it took it; false leaves it to dead letters.
     * Called on the stopping actor's thread, or on a sender's: must not block for long.
     */
    boolean takeOver(ActorCell<?> from, Object message, EnvelopeMeta meta);
}
