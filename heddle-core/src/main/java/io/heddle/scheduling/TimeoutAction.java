package io.heddle.scheduling;

/**
 * What the runtime does when a handler runs longer than its actor's {@linkplain Scheduling#handlerTimeout() handler
 * timeout}. Every action first reports the handler: a {@link HandlerTimedOut} event with its stack, and the actor's
 * {@linkplain Scheduling#onSlowHandler slow-handler hook} once it ends.
 */
public enum TimeoutAction {

    /** Report only; the handler runs on to the end. Use it to find slow handlers in production without changing them. */
    WARN,

    /**
     * Interrupt the handler and skip its message; the actor carries on with the next one. A call being handled fails
     * with {@link HandlerTimeoutException} as its cause, and the message goes to dead letters with
     * {@link io.heddle.DeadLetter.Reason#HANDLER_TIMED_OUT}. Use it when one slow request must not hold up the
     * others and the actor's state stays consistent if a handler stops half way.
     */
    CANCEL,

    /**
     * Interrupt the handler and stop the actor with an {@link io.heddle.ExitReason.Error} whose cause is a
     * {@link HandlerTimeoutException}, so its supervisor restarts it with fresh state. Use it when a handler that
     * overran may have left the state inconsistent.
     */
    STOP
}
