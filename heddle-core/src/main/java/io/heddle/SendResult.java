package io.heddle;

/**
 * What became of a {@link ActorRef#tryCast(Object)}. A message that was not delivered comes back, so the sender can
 * retry, reroute or drop it knowingly:
 *
 * {@snippet :
 * switch (ref.tryCast(message)) {
 *     case SendResult.Delivered<Event> d -> { }
 *     case SendResult.Full<Event>(Event m) -> retryLater(m);
 *     case SendResult.Dropped<Event>(Event m) -> metrics.dropped();
 *     case SendResult.Dead<Event>(Event m) -> reroute(m);
 * }
 * }
 *
 * <p>Thread-safe: immutable values.
 *
 * @param <M> the message type
 */
public sealed interface SendResult<M> {

    /** Returns true for {@link Delivered}. */
    default boolean delivered() {
        return this instanceof Delivered;
    }

    /**
     * The message is in the mailbox. That does not mean it will be handled: the actor may stop first, and then the
     * message goes to dead letters.
     */
    record Delivered<M>() implements SendResult<M> {}

    /**
     * A {@link Mailbox.Fixed} mailbox was full.
     *
     * @param message the message, not sent
     */
    record Full<M>(M message) implements SendResult<M> {}

    /**
     * A {@link Mailbox.Dropping} mailbox was full and refused the message.
     *
     * @param message the message, not sent
     */
    record Dropped<M>(M message) implements SendResult<M> {}

    /**
     * The actor has stopped.
     *
     * @param message the message, not sent
     */
    record Dead<M>(M message) implements SendResult<M> {}
}
