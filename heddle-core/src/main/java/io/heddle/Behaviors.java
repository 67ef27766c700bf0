package io.heddle;

import io.heddle.internal.cell.SetupBehavior;
import io.heddle.internal.cell.SpecialBehavior;
import java.util.Objects;
import java.util.function.Function;

/**
 * Factories for behaviors and the special values a behavior may return.
 *
 * {@snippet :
 * Behavior<Object> greeter = Behaviors.setup(ctx -> {
 *     ctx.onTerminate(reason -> System.out.println("bye: " + reason));
 *     return (c, msg) -> {
 *         System.out.println("hello " + msg);
 *         return Behaviors.same();
 *     };
 * });
 * }
 *
 * <p>Thread-safe: the returned values are immutable.
 */
public final class Behaviors {

    private Behaviors() {}

    /** Returned from a handler: keep the current behavior. */
    @SuppressWarnings("unchecked")
    public static <M> Behavior<M> same() {
        return (Behavior<M>) SpecialBehavior.SAME;
    }

    /** Returned from a handler: stop the actor with {@link ExitReason#NORMAL} after this message. */
    @SuppressWarnings("unchecked")
    public static <M> Behavior<M> stopped() {
        return (Behavior<M>) SpecialBehavior.STOPPED;
    }

    /**
     * Returned from a handler: the message was not understood. It goes to dead letters with the reason
     * {@link DeadLetter.Reason#UNHANDLED} and the behavior stays as it is.
     */
    @SuppressWarnings("unchecked")
    public static <M> Behavior<M> unhandled() {
        return (Behavior<M>) SpecialBehavior.UNHANDLED;
    }

    /**
     * Returns a behavior built when the actor starts, on the actor's own thread: the init hook of the functional
     * style. If {@code factory} throws, the actor fails to start and exits with {@link ExitReason.Error}
     * ({@link ActorSystem#start} reports it as an {@link ActorStartException}).
     */
    public static <M> Behavior<M> setup(Function<ActorContext<M>, Behavior<M>> factory) {
        return new SetupBehavior<>(Objects.requireNonNull(factory, "factory"));
    }

    /** Returns a behavior that handles each message with {@code handler}, ignoring the context. */
    public static <M> Behavior<M> receiveMessage(MessageHandler<M> handler) {
        Objects.requireNonNull(handler, "handler");
        return (context, message) -> handler.handle(message);
    }

    /**
     * A handler that needs no context.
     *
     * @param <M> the message type
     */
    @FunctionalInterface
    public interface MessageHandler<M> {
        /**
         * Handles one message.
         *
         * @param message the message
         * @return the next behavior
         * @throws Exception to crash the actor
         */
        Behavior<M> handle(M message) throws Exception;
    }
}
