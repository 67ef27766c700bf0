package io.heddle.testkit.internal;

import io.heddle.Cancellable;
import io.heddle.internal.time.RuntimeClock;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * One simulated system's clock: the shared {@link VirtualTime}, with timed waits turned into timers that unpark the
 * waiting thread. Closing it cancels only this system's timers.
 */
final class SimClock implements RuntimeClock {

    private final VirtualTime time;
    private final SimScheduler scheduler;

    SimClock(VirtualTime time, SimScheduler scheduler) {
        this.time = time;
        this.scheduler = scheduler;
    }

    @Override
    public long nanoTime() {
        return time.now();
    }

    @Override
    public Instant instant() {
        return time.instant();
    }

    /**
     * Parks the calling simulated thread until it is unparked or {@code nanos} of virtual time pass. A thread outside
     * the simulation waits in real time.
     */
    @Override
    public void parkNanos(Object blocker, long nanos) {
        if (nanos <= 0) return;
        Thread me = Thread.currentThread();
        if (!scheduler.runs(me)) {
            LockSupport.parkNanos(blocker, nanos);
            return;
        }
        // Not owned by this clock: closing the system must not strand a thread in a timed wait.
        VirtualTime.Timer wakeUp = time.schedule(nanos, 0, () -> LockSupport.unpark(me), time);
        try {
            LockSupport.park(blocker);
        } finally {
            wakeUp.cancel();
        }
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        return time.schedule(delayNanos, 0, task, this);
    }

    @Override
    public Cancellable scheduleAtFixedRate(long initialDelayNanos, long periodNanos, Runnable task) {
        return time.schedule(initialDelayNanos, periodNanos, task, this);
    }

    @Override
    public void close() {
        time.cancelAll(this);
    }
}
