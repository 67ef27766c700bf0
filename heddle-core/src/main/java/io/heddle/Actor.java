package io.heddle;

import io.heddle.internal.cell.ActorAccess;

/**
 * The class style of actor: mutable fields, a handler called for each message, and lifecycle hooks.
 *
 * {@snippet :
 * sealed interface CounterMsg permits Add, Get {}
 * record Add(int n) implements CounterMsg {}
 * record Get(ReplyTo<Integer> replyTo) implements CounterMsg {}
 *
 * final class Counter extends Actor<CounterMsg> {
 *     private int total;
 *
 *     @Override
 *     protected void handle(CounterMsg message) {
 *         switch (message) {
 *             case Add(int n) -> total += n;
 *             case Get(ReplyTo<Integer> replyTo) -> replyTo.reply(total);
 *         }
 *     }
 * }
 * }
 *
 * <table>
 *   <caption>Framework call and the callback it leads to</caption>
 *   <tr><th>framework</th><th>callback</th></tr>
 *   <tr><td>spawn, start</td><td>{@link #init()}, on the actor's thread, before any message</td></tr>
 *   <tr><td>cast, call, timers</td><td>{@link #handle(Object)}</td></tr>
 *   <tr><td>stop, shutdown, a crash</td><td>{@link #terminate(ExitReason)}; not after {@link ExitReason#KILLED}</td></tr>
 * </table>
 *
 * <p>An instance belongs to one actor: spawning the same instance twice fails. A supervisor restarts an actor from a
 * factory, never by reusing the instance.
 *
 * <p>Threading: the runtime calls the hooks and {@code handle} one at a time, with happens-before edges between them,
 * so fields need no synchronisation. Call {@link #context()} and {@link #self()} only from those callbacks, except that
 * {@code self()} may be read and shared freely once obtained.
 *
 * @param <M> the type of messages the actor accepts
 */
public abstract class Actor<M> implements Behavior<M> {

    static {
        ActorAccess.install(new ActorAccess() {
            @Override
            public <T> boolean bind(Actor<T> actor, ActorContext<T> context) {
                if (actor.context != null) return false;
                actor.context = context;
                return true;
            }

            @Override
            public void init(Actor<?> actor) throws Exception {
                actor.init();
            }

            @Override
            public void terminate(Actor<?> actor, ExitReason reason) throws Exception {
                actor.terminate(reason);
            }
        });
    }

    /** Written once by the runtime before {@link #init()}, on the actor's thread. */
    private ActorContext<M> context;

    /** Subclasses call this. */
    protected Actor() {}

    /**
     * Called once when the actor starts, before the first message. Throwing fails the start: the actor exits with
     * {@link ExitReason.Error} and {@link #terminate(ExitReason)} is not called.
     *
     * @throws Exception to fail the start
     */
    protected void init() throws Exception {}

    /**
     * Handles one message.
     *
     * @param message the message, never null
     * @throws Exception to crash the actor with {@link ExitReason.Error}
     */
    protected abstract void handle(M message) throws Exception;

    /**
     * Called once when the actor stops for any reason but {@link ExitReason#KILLED}, after its children have stopped.
     * An exception thrown here is logged and otherwise ignored.
     *
     * @param reason why the actor stops
     * @throws Exception logged
     */
    protected void terminate(ExitReason reason) throws Exception {}

    /**
     * Returns this actor's context.
     *
     * @throws IllegalStateException before the actor has started
     */
    protected final ActorContext<M> context() {
        ActorContext<M> ctx = context;
        if (ctx == null) {
            throw new IllegalStateException(getClass().getName() + " has not been started: context() is available from"
                    + " init() on, after the actor is spawned");
        }
        return ctx;
    }

    /** Returns a reference to this actor; a shortcut for {@code context().self()}. */
    protected final ActorRef<M> self() {
        return context().self();
    }

    /** Calls {@link #handle(Object)} and keeps this behavior. */
    @Override
    public final Behavior<M> receive(ActorContext<M> ctx, M message) throws Exception {
        handle(message);
        return Behaviors.same();
    }
}
