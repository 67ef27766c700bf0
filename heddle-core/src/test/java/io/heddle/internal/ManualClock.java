package io.heddle.internal;

import io.heddle.Cancellable;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock that moves only when the test says so: timers fire in {@link #advance}, on the test's thread. Waits with a
 * timeout still park for real, a millisecond at a time, so a timeout happens only once the test has advanced past it.
 * For core tests of time-dependent behaviour; the test kit's simulation goes further (it also owns the threads).
 */
final class ManualClock implements RuntimeClock {

    private record Timer(long due, long seq, long period, Runnable task, Handle handle) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }
    }

    private static final class Handle implements Cancellable {
        volatile boolean cancelled;

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
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private volatile long now = 1_000_000_000L;
    private long seq;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Instant instant() {
        return Instant.EPOCH.plusNanos(now);
    }

    @Override
    public void parkNanos(Object blocker, long nanos) {
        LockSupport.parkNanos(blocker, Math.min(nanos, 1_000_000L));
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        return add(delayNanos, 0, task);
    }

    @Override
    public Cancellable scheduleAtFixedRate(long initialDelayNanos, long periodNanos, Runnable task) {
        return add(initialDelayNanos, periodNanos, task);
    }

    private Cancellable add(long delay, long period, Runnable task) {
        Handle handle = new Handle();
        lock.lock();
        try {
            timers.add(new Timer(now + delay, seq++, period, task, handle));
        } finally {
            lock.unlock();
        }
        return handle;
    }

    /** Moves time forward by {@code nanos}, running every timer that falls due, in order. */
    void advance(long nanos) {
        long target = now + nanos;
        for (;;) {
            Timer next;
            lock.lock();
            try {
                next = timers.peek();
                if (next == null || next.due() > target) break;
                timers.poll();
                now = Math.max(now, next.due());
                if (next.period() > 0 && !next.handle().isCancelled()) {
                    timers.add(new Timer(next.due() + next.period(), seq++, next.period(), next.task(), next.handle()));
                }
            } finally {
                lock.unlock();
            }
            if (!next.handle().isCancelled()) next.task().run();
        }
        now = target;
    }

    /** Returns the number of timers waiting. */
    int pendingTimers() {
        lock.lock();
        try {
            timers.removeIf(t -> t.handle().isCancelled());
            return timers.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            timers.clear();
        } finally {
            lock.unlock();
        }
    }
}
