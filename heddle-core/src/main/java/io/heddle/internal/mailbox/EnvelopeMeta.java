package io.heddle.internal.mailbox;

import io.heddle.internal.call.PendingReply;
import io.heddle.internal.observe.Traced;
import io.heddle.internal.time.TimerHandle;

/**
 * What travels with a message besides the message itself: the call it is a request of ({@link PendingReply}), the
 * timer that sent it ({@link TimerHandle}), what observers carry from the send to the handler ({@link Traced}), or
 * nothing ({@link #NONE}). Handled by pattern {@code switch}; the compiler checks that every kind is handled.
 */
public sealed interface EnvelopeMeta permits PendingReply, TimerHandle, Traced, EnvelopeMeta.None {

    /** Nothing travels with the message. */
    enum None implements EnvelopeMeta { NONE }

    /** The meta of a plain cast, and of an envelope that has been handled. */
    EnvelopeMeta NONE = None.NONE;
}
