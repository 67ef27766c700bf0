package io.heddle.internal.mailbox;

import io.heddle.internal.call.PendingReply;
import io.heddle.internal.time.TimerHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One user message in a mailbox, and the node of the linked mailbox queue at the same time (one allocation per
 * message).
 *
 * <p>{@code message} and {@code meta} are written by the sender before the envelope is published through the queue,
 * and read by the actor after it is taken out; {@code next} is written by the producer that links the following
 * node (release) and read by the consumer (acquire).
 */
public final class Envelope {

    private static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(Envelope.class, "next", Envelope.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The user message; null only in a queue's stub node or after {@link #clear()}. */
    public Object message;
    /** What travels with the message; {@link EnvelopeMeta#NONE} for nothing, never null. */
    public EnvelopeMeta meta;
    @SuppressWarnings("unused") // accessed through NEXT
    private Envelope next;

    public Envelope(Object message, EnvelopeMeta meta) {
        this.message = message;
        this.meta = meta;
    }

    void linkNext(Envelope successor) {
        NEXT.setRelease(this, successor);
    }

    Envelope nextAcquire() {
        return (Envelope) NEXT.getAcquire(this);
    }

    /** Drops the references of an envelope that has been handled, so a stub node retains nothing. */
    public void clear() {
        message = null;
        meta = EnvelopeMeta.NONE;
    }
}
