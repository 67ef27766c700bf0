package io.heddle;

import io.heddle.internal.call.PendingReply;

/**
 * The reply handle of one {@link ActorRef#call}: put it in the request record, and answer through it once.
 *
 * {@snippet :
 * record Get(ReplyTo<Integer> replyTo) implements CounterMsg {}
 * // in the handler:
 * case Get(ReplyTo<Integer> replyTo) -> replyTo.reply(total);
 * }
 *
 * <p>The reply need not come from the handler that received the request: keep the handle and reply later, or pass
 * it in a message to another actor that replies instead. Only the first answer counts; a later one, or one after the
 * caller's timeout, goes to dead letters ({@link DeadLetter.Reason#LATE_REPLY}).
 *
 * <p>Threading: thread-safe; answering never blocks.
 *
 * @param <R> the reply type
 */
public sealed interface ReplyTo<R> permits PendingReply, io.heddle.internal.call.LateReply {

    /**
     * Answers the call with {@code value} (null is a valid reply).
     *
     * @return true if this was the first answer and the caller was still waiting
     */
    boolean reply(R value);

    /**
     * Answers the call with a failure: the caller gets a {@link CallFailedException} whose cause is {@code cause}.
     *
     * @return true if this was the first answer and the caller was still waiting
     */
    boolean fail(Throwable cause);

    /** Returns true once the call has been answered, has timed out, or has failed. */
    boolean isDone();
}
