package io.heddle.internal.cell;

import io.heddle.ActorContext;
import io.heddle.Behavior;
import java.util.function.Function;

/** A behavior computed by the actor itself when it starts: {@link io.heddle.Behaviors#setup}. */
public record SetupBehavior<M>(Function<ActorContext<M>, Behavior<M>> factory) implements Behavior<M> {

    @Override
    public Behavior<M> receive(ActorContext<M> context, M message) {
        throw new IllegalStateException("a setup behavior runs its factory when the actor starts; it is never asked "
                + "to receive a message");
    }
}
