package io.heddle.internal.mailbox;

import io.heddle.internal.cell.ActorCell;
import io.heddle.Mailbox;
import java.util.function.Consumer;

/**
 * The queue behind an actor's user lane. Many producers, one consumer: the thread running the actor's turn.
 *
 * <p>{@link #offer} is thread-safe and never blocks; waiting for space is the cell's business, helped by
 * {@link #registerWaiter}. {@link #poll}, {@link #isEmpty} and {@link #closeAndDrain} are for the consumer only.
 */
public abstract sealed class MailboxQueue permits LinkedMailboxQueue, SlidingMailboxQueue {

    public static final int OK = 0;
    public static final int FULL = 1;
    public static final int CLOSED = 2;

    public static MailboxQueue create(Mailbox strategy) {
        return switch (strategy) {
            case Mailbox.Fixed f -> new LinkedMailboxQueue(f.capacity(), false);
            case Mailbox.Dropping d -> new LinkedMailboxQueue(d.capacity(), true);
            case Mailbox.Unbounded u -> new LinkedMailboxQueue(Integer.MAX_VALUE - 1, false);
            case Mailbox.Sliding s -> new SlidingMailboxQueue(s.capacity());
        };
    }

    /** Adds {@code envelope}, or says why not: {@link #OK}, {@link #FULL} or {@link #CLOSED}. */
    public abstract int offer(Envelope envelope, ActorCell<?> owner);

    /** Takes the oldest envelope, or returns null if none is visible yet. Consumer only. */
    public abstract Envelope poll();

    /** Returns true if {@link #poll()} would return null. Consumer only. */
    public abstract boolean isEmpty();

    /**
     * Returns true if a message has been sent and not yet taken, even if it is not linked into the queue yet. Unlike
     * {@link #isEmpty()} this reads the reservation counter, which senders update with a full fence before they look
     * at the actor's scheduling state: checking it after writing that state can never miss a message (Dekker).
     */
    public abstract boolean hasPending();

    /** Returns the number of queued messages; exact for the consumer, a snapshot for others. */
    public abstract int size();

    /** Returns the capacity. */
    public abstract int capacity();

    /** Returns true if a full queue refuses new messages instead of making senders wait. */
    public abstract boolean dropsWhenFull();

    /** Closes the queue (later offers return {@link #CLOSED}) and hands every queued envelope to {@code sink}. */
    public abstract void closeAndDrain(Consumer<Envelope> sink);

    /** Registers a sender to be unparked when space may have become available. */
    public abstract void registerWaiter(Thread sender);

    /** Removes a registered sender, if still registered. */
    public abstract void removeWaiter(Thread sender);
}
