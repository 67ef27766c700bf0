package io.heddle.internal.cell;

import io.heddle.ActorContext;
import io.heddle.Behavior;

/** The marker behaviors a handler returns to say "same", "stopped" or "unhandled". Never run as behaviors. */
public enum SpecialBehavior implements Behavior<Object> {
    SAME,
    STOPPED,
    UNHANDLED;

    @Override
    public Behavior<Object> receive(ActorContext<Object> context, Object message) {
        throw new IllegalStateException("Behaviors." + name().toLowerCase() + "() is a return value for a handler, "
                + "not a behavior to spawn or become");
    }
}
