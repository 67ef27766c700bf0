package io.heddle.internal.mailbox;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The queues an actor has besides its mailbox, allocated on first use: the urgent lane ({@code castUrgent}), and the
 * messages taken out of order (by selective receive or unstash) or stashed. Handled in this order: urgent messages put
 * aside, the urgent lane, messages put aside, the mailbox.
 */
public final class Lanes {

    private static final VarHandle URGENT;

    static {
        try {
            URGENT = MethodHandles.lookup().findVarHandle(Lanes.class, "urgent", ConcurrentLinkedQueue.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Any thread.
    /** The lane of urgent messages, created on first use by {@link #urgentLane()}. */
    public volatile ConcurrentLinkedQueue<Envelope> urgent;
    /** Set by termination before it drains {@link #urgent}. */
    public volatile boolean urgentClosed;

    // Actor thread only.
    /** Messages taken out of the mailbox but not handled yet: by selective receive, or put back by unstash. */
    public ArrayDeque<Envelope> pending;
    /** Urgent messages taken out of the urgent lane but not handled yet; handled before {@link #pending}. */
    public ArrayDeque<Envelope> pendingUrgent;
    public ArrayDeque<Envelope> stash;

    /** Returns the urgent lane, creating it once. Any thread. */
    @SuppressWarnings("unchecked")
    public ConcurrentLinkedQueue<Envelope> urgentLane() {
        ConcurrentLinkedQueue<Envelope> lane = urgent;
        if (lane == null) {
            lane = new ConcurrentLinkedQueue<>();
            if (!URGENT.compareAndSet(this, null, lane)) {
                lane = (ConcurrentLinkedQueue<Envelope>) URGENT.getVolatile(this);
            }
        }
        return lane;
    }

    /** True if an urgent message waits, in the lane or put aside. Actor thread only. */
    public boolean hasUrgent() {
        ConcurrentLinkedQueue<Envelope> lane = urgent;
        return (lane != null && !lane.isEmpty()) || (pendingUrgent != null && !pendingUrgent.isEmpty());
    }

    /** Takes the next urgent message: one put aside first, then the lane. Actor thread only. */
    public Envelope pollUrgent() {
        Envelope e;
        if (pendingUrgent != null && (e = pendingUrgent.pollFirst()) != null) return e;
        ConcurrentLinkedQueue<Envelope> lane = urgent;
        return lane == null ? null : lane.poll();
    }

    public ArrayDeque<Envelope> pendingUrgent() {
        if (pendingUrgent == null) pendingUrgent = new ArrayDeque<>();
        return pendingUrgent;
    }

    public ArrayDeque<Envelope> pending() {
        if (pending == null) pending = new ArrayDeque<>();
        return pending;
    }

    public ArrayDeque<Envelope> stash() {
        if (stash == null) stash = new ArrayDeque<>();
        return stash;
    }
}
