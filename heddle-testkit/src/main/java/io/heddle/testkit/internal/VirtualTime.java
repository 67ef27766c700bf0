package io.heddle.testkit.internal;

import io.heddle.Cancellable;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The simulation's timeline: a virtual "now" that moves only when the simulation moves it, and the timers of every
 * simulated system, fired in due order (ties in the order they were set). Timer tasks run on the simulation's driver
 * thread; they only enqueue messages or unpark threads.
 *
 * <p>Thread-safe; in practice touched only by the driver and the simulated threads it runs, one at a time.
 */
public final class VirtualTime {

    /** Virtual time 0 reads as this instant, so timestamps are the same on every run. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    /** A timer; cancelling it removes nothing at once, the timeline skips it. */
    public final class Timer implements Cancellable, Comparable<Timer> {
        private long due;
        private final long period;
        private final Runnable task;
        private final Object owner;
        private long seq;
        private volatile boolean cancelled;

        private Timer(long due, long period, Runnable task, Object owner) {
            this.due = due;
            this.period = period;
            this.task = task;
            this.owner = owner;
        }

        @Override
        public boolean cancel() {
            boolean was = cancelled;
            cancelled = true;
            return !was;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public int compareTo(Timer o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long seq;
    private volatile long now;

    /** Returns the virtual time, in nanoseconds since the simulation began. */
    public long now() {
        return now;
    }

    /** Returns the virtual time as an instant. */
    public Instant instant() {
        return EPOCH.plusNanos(now);
    }

    /** Sets a timer {@code delay} from now, repeating every {@code period} if positive, owned by {@code owner}. */
    public Timer schedule(long delay, long period, Runnable task, Object owner) {
        lock.lock();
        try {
            Timer timer = new Timer(now + Math.max(0, delay), period, task, owner);
            timer.seq = seq++;
            timers.add(timer);
            return timer;
        } finally {
            lock.unlock();
        }
    }

    /** Cancels every timer set by {@code owner}. */
    public void cancelAll(Object owner) {
        lock.lock();
        try {
            timers.removeIf(t -> t.owner == owner);
        } finally {
            lock.unlock();
        }
    }

    /** Returns when the earliest live timer is due, or {@link Long#MAX_VALUE} if none is set. */
    public long nextDue() {
        lock.lock();
        try {
            Timer next;
            while ((next = timers.peek()) != null && next.cancelled) timers.poll();
            return next == null ? Long.MAX_VALUE : next.due;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the number of live timers. */
    public int pending() {
        lock.lock();
        try {
            timers.removeIf(t -> t.cancelled);
            return timers.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fires the earliest live timer: moves now to its due time and runs its task on the calling thread (re-arming a
     * periodic one first). Returns false if no timer is set.
     */
    public boolean fireNext() {
        Timer next;
        lock.lock();
        try {
            while ((next = timers.poll()) != null && next.cancelled) { }
            if (next == null) return false;
            if (next.due > now) now = next.due;
            if (next.period > 0) { // the same handle goes back in, so cancelling it stops the repeats
                next.due += next.period;
                next.seq = seq++;
                timers.add(next);
            }
        } finally {
            lock.unlock();
        }
        next.task.run();
        return true;
    }

    /** Moves now forward to {@code nanos}, firing nothing; never moves it back. */
    public void advanceTo(long nanos) {
        lock.lock();
        try {
            if (nanos > now) now = nanos;
        } finally {
            lock.unlock();
        }
    }
}
