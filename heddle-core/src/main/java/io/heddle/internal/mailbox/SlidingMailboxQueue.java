package io.heddle.internal.mailbox;

import io.heddle.internal.cell.ActorCell;
import io.heddle.DeadLetter;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A bounded queue that evicts its oldest message to make room. A producer must remove from the head, which the
 * lock-free MPSC queue cannot do, so this one takes a lock; sliding mailboxes carry status updates, where a lock per
 * message costs nothing that matters.
 */
final class SlidingMailboxQueue extends MailboxQueue {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Envelope> queue = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private boolean closed;
    /** Written under the lock, read by anyone. */
    private volatile int size;

    SlidingMailboxQueue(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public int offer(Envelope envelope, ActorCell<?> owner) {
        Envelope evicted = null;
        lock.lock();
        try {
            if (closed) return CLOSED;
            if (queue.size() >= capacity) evicted = queue.pollFirst();
            queue.addLast(envelope);
            size = queue.size();
        } finally {
            lock.unlock();
        }
        if (evicted != null) owner.deadLetter(evicted, DeadLetter.Reason.EVICTED);
        return OK;
    }

    @Override
    public Envelope poll() {
        lock.lock();
        try {
            Envelope e = queue.pollFirst();
            size = queue.size();
            return e;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public boolean hasPending() {
        return size > 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public boolean dropsWhenFull() {
        return false;
    }

    @Override
    public void closeAndDrain(Consumer<Envelope> sink) {
        ArrayDeque<Envelope> remaining;
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            remaining = new ArrayDeque<>(queue);
            queue.clear();
            size = 0;
        } finally {
            lock.unlock();
        }
        remaining.forEach(sink);
    }

    @Override
   public void registerWaiter(Thread sender) {
        // Never full from a sender's point of view: nobody waits.
    }

    @Override
   public void removeWaiter(Thread sender) {}
}
