package io.heddle.internal.cell;

import io.heddle.Actor;
import io.heddle.ActorContext;
import io.heddle.ExitReason;

/**
 * The runtime's way into {@link Actor}'s non-public hooks, installed by {@code Actor}'s static initializer (the
 * JDK's "shared secrets" pattern), so the hooks need not be public.
 */
public abstract class ActorAccess {

    private static volatile ActorAccess instance;

    /** Called once by {@code Actor}. */
    public static void install(ActorAccess access) {
        if (instance != null) throw new IllegalStateException("ActorAccess is already installed");
        instance = access;
    }

    /** Returns the accessor; public for the test kit's synchronous behavior test kit. */
    public static ActorAccess get() {
        // Any Actor instance has initialised its class, which installed the accessor.
        return instance;
    }

    /** Binds {@code context} to {@code actor}; returns false if the actor was bound before. */
    public abstract <T> boolean bind(Actor<T> actor, ActorContext<T> context);

    /** Calls {@code actor.init()}. */
    public abstract void init(Actor<?> actor) throws Exception;

    /** Calls {@code actor.terminate(reason)}. */
    public abstract void terminate(Actor<?> actor, ExitReason reason) throws Exception;
}
