package io.heddle.internal;

/**
 * The meta of a cast that observers trace: what {@link io.heddle.inspect.ActorObserver#onSend} returned, carried to
 * the handler. (A call carries it in its {@link PendingReply}; a timer message carries nothing.)
 */
record Traced(Object carried) {}
