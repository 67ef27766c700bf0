package io.heddle.internal.observe;

import io.heddle.internal.mailbox.EnvelopeMeta;
import io.heddle.internal.call.PendingReply;

/**
 * The meta of a cast that observers trace: what {@link io.heddle.spi.ActorObserver#onSend} returned, carried to
 * the handler. (A call carries it in its {@link PendingReply}; a timer message carries nothing.)
 */
public record Traced(Object carried) implements EnvelopeMeta {}
