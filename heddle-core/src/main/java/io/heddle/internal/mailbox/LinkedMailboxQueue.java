package io.heddle.internal.mailbox;

import io.heddle.internal.cell.ActorCell;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A bounded multi-producer, single-consumer linked queue: Dmitry Vyukov's intrusive MPSC queue (producers swap the
 * head and link the previous node; the consumer follows {@code next} links from a stub) with a reservation counter in
 * front of it for the bound and for closing.
 *
 * <p>Why this queue: it allocates nothing per actor beyond one stub node (an idle actor must stay small, see
 * docs/adr/0002), and a send is one CAS on the counter plus one swap on the head.
 *
 * <p>Closing: the consumer sets the sign bit of {@code count}; a producer that sees it refuses. Producers that had
 * reserved a slot before the close finish linking their node, and {@link #closeAndDrain} waits for exactly that many
 * nodes, so no message is lost between a send and a close.
 */
final class LinkedMailboxQueue extends MailboxQueue {

    private static final int CLOSED_BIT = Integer.MIN_VALUE;
    private static final VarHandle HEAD;
    private static final VarHandle COUNT;
    private static final VarHandle WAITERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(LinkedMailboxQueue.class, "head", Envelope.class);
            COUNT = lookup.findVarHandle(LinkedMailboxQueue.class, "count", int.class);
            WAITERS = lookup.findVarHandle(LinkedMailboxQueue.class, "waiters", ConcurrentLinkedQueue.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int capacity;
    /** Waiting senders are woken when the count drops to this: half the capacity. */
    private final int lowWater;
    private final boolean dropping;
    /** The most recently linked node. Swapped by producers. */
    @SuppressWarnings("unused") // accessed through HEAD
    private volatile Envelope head;
    /** The consumer's stub: the last node taken. Read and written by the consumer only. */
    private Envelope tail;
    /** Reserved slots (sent, not yet taken), with {@link #CLOSED_BIT} once closed. CAS by producers and consumer. */
    private volatile int count;
    /** Senders waiting for space; created on first need. */
    private volatile ConcurrentLinkedQueue<Thread> waiters;

    LinkedMailboxQueue(int capacity, boolean dropping) {
        this.capacity = capacity;
        this.lowWater = capacity <= 2 ? capacity - 1 : capacity / 2;
        this.dropping = dropping;
        Envelope stub = new Envelope(null, EnvelopeMeta.NONE);
        this.tail = stub;
        this.head = stub;
    }

    @Override
    public int offer(Envelope envelope, ActorCell<?> owner) {
        int c;
        do {
            c = count;
            if (c < 0) return CLOSED;
            if (c >= capacity) return FULL;
        } while (!COUNT.weakCompareAndSet(this, c, c + 1));
        Envelope previous = (Envelope) HEAD.getAndSet(this, envelope);
        previous.linkNext(envelope);
        return OK;
    }

    @Override
    public Envelope poll() {
        Envelope next = tail.nextAcquire();
        if (next == null) return null;
        tail = next;
        int before = (int) COUNT.getAndAdd(this, -1);
        ConcurrentLinkedQueue<Thread> w = waiters;
        // Senders that found the mailbox full are woken together once it has drained to the low-water mark, not one
        // per message taken: a parked sender costs a thread wake-up (tens of microseconds for a platform thread), so
        // each wake-up should buy it room for many messages.
        if (w != null && before - 1 <= lowWater) {
            Thread sender;
            while ((sender = w.poll()) != null) LockSupport.unpark(sender);
        }
        return next;
    }

    @Override
    public boolean isEmpty() {
        return tail.nextAcquire() == null;
    }

    @Override
    public boolean hasPending() {
        return (count & ~CLOSED_BIT) > 0;
    }

    @Override
    public int size() {
        return Math.max(0, count & ~CLOSED_BIT);
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public boolean dropsWhenFull() {
        return dropping;
    }

    @Override
    public void closeAndDrain(Consumer<Envelope> sink) {
        int c;
        do {
            c = count;
            if (c < 0) return;
        } while (!COUNT.compareAndSet(this, c, c | CLOSED_BIT));
        for (int i = 0; i < c; i++) {
            Envelope next;
            int spins = 0;
            // A producer may have reserved its slot and not linked its node yet: it will, within a few instructions.
            while ((next = tail.nextAcquire()) == null) {
                if (++spins < 100) Thread.onSpinWait();
                else Thread.yield();
            }
            tail = next;
            sink.accept(next);
        }
        ConcurrentLinkedQueue<Thread> w = waiters;
        if (w != null) {
            Thread sender;
            while ((sender = w.poll()) != null) LockSupport.unpark(sender);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void registerWaiter(Thread sender) {
        ConcurrentLinkedQueue<Thread> w = waiters;
        if (w == null) {
            w = new ConcurrentLinkedQueue<>();
            if (!WAITERS.compareAndSet(this, null, w)) w = (ConcurrentLinkedQueue<Thread>) WAITERS.getVolatile(this);
        }
        w.offer(sender);
    }

    @Override
   public void removeWaiter(Thread sender) {
        ConcurrentLinkedQueue<Thread> w = waiters;
        if (w != null) w.remove(sender);
    }
}
