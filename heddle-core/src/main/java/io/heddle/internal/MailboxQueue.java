package io.heddle.internal;

import io.heddle.Mailbox;
import java.util.function.Consumer;

/**
 * The queue behind an actor's user lane. Many producers, one consumer: the thread running the actor's turn.
 *
 * <p>{@link #offer} is thread-safe and never blocks; waiting for space is the cell's business, helped by
 * {@link #registerWaiter}. {@link #poll}, {@link #isEmpty} and {@link #closeAndDrain} are for the consumer only.
 */
abstract sealed class MailboxQueue permits LinkedMailboxQueue, SlidingMailboxQueue {

    static final int OK = 0;
    static final int FULL = 1;
    static final int CLOSED = 2;

    static MailboxQueue create(Mailbox strategy) {
        return switch (strategy) {
            case Mailbox.Fixed f -> new LinkedMailboxQueue(f.capacity(), false);
            case Mailbox.Dropping d -> new LinkedMailboxQueue(d.capacity(), true);
            case Mailbox.Unbounded u -> new LinkedMailboxQueue(Integer.MAX_VALUE - 1, false);
            case Mailbox.Sliding s -> new SlidingMailboxQueue(s.capacity());
        };
    }

    /** Adds {@code envelope}, or says why not: {@link #OK}, {@link #FULL} or {@link #CLOSED}. */
    abstract int offer(Envelope envelope, ActorCell<?> owner);

    /** Takes the oldest envelope, or returns null if none is visible yet. Consumer only. */
    abstract Envelope poll();

    /** Returns true if {@link #poll()} would return null. Consumer only. */
    abstract boolean isEmpty();

    /**
     * Returns true if a message has been sent and not yet taken, even if it is not linked into the queue yet. Unlike
     * {@link #isEmpty()} this reads the reservation counter, which senders update with a full fence before they look
     * at the actor's scheduling state: checking it after writing that state can never miss a message (Dekker).
     */
    abstract boolean hasPending();

    /** Returns the number of queued messages; exact for the consumer, a snapshot for others. */
    abstract int size();

    /** Returns the capacity. */
    abstract int capacity();

    /** Returns true if a full queue refuses new messages instead of making senders wait. */
    abstract boolean dropsWhenFull();

    /** Closes the queue (later offers return {@link #CLOSED}) and hands every queued envelope to {@code sink}. */
    abstract void closeAndDrain(Consumer<Envelope> sink);

    /** Registers a sender to be unparked when space may have become available. */
    abstract void registerWaiter(Thread sender);

    /** Removes a registered sender, if still registered. */
    abstract void removeWaiter(Thread sender);
}
