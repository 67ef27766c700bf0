package io.heddle.internal.cell;

import io.heddle.ActorContext;

/**
 * The one opening in the sealed {@link ActorContext}: the base of the test kit's effect-recording context, which runs a
 * behavior synchronously without an actor system. Not for applications: this package is exported only to the test
 * kit.
 *
 * @param <M> the type of messages the actor accepts
 */
public abstract non-sealed class StubContext<M> implements ActorContext<M> {

    /** For subclasses. */
    protected StubContext() {}
}
