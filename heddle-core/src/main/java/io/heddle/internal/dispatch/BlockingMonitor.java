package io.heddle.internal.dispatch;

import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.scheduling.Blocking;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Watches a dispatcher's workers for turns that hold them in code Heddle cannot see, and has the dispatcher compensate
 * for them ({@link Blocking}). One daemon platform thread per dispatcher, started with the first worker: a platform
 * thread, so that it still runs when every carrier is held by handlers in native code.
 *
 * <p>Every {@code parkedAfter} it reads each worker's turn count. A worker seen in the same turn on two looks, not
 * waiting in Heddle and not compensated yet, has held that turn at least since the first look; past the threshold for
 * its thread's state (parked or blocked: {@code parkedAfter}; runnable: {@code busyAfter}) it is compensated. When no
 * worker is active, the monitor parks until a worker becomes active again ({@link #nudge()}), so an idle system costs
 * no wake-ups. Reads of worker fields are racy by design: a stale read at worst compensates a turn that just ended,
 * which the worker undoes when it next settles.
 */
final class BlockingMonitor implements Runnable {

    private final Dispatcher dispatcher;
    private final long periodNanos;
    private final long parkedAfterNanos;
    private final long busyAfterNanos;
    private final RuntimeClock clock;
    private final ReentrantLock startLock = new ReentrantLock();
    /** Written under startLock, before the thread starts. */
    private volatile Thread thread;
    /** True while the monitor parks with no deadline; read by {@link #nudge()}. */
    private volatile boolean sleeping;
    private volatile boolean stopped;

    BlockingMonitor(Dispatcher dispatcher, Blocking blocking, RuntimeClock clock) {
        this.dispatcher = dispatcher;
        this.parkedAfterNanos = blocking.parkedAfter().toNanos();
        this.busyAfterNanos = blocking.busyAfter().toNanos();
        this.periodNanos = parkedAfterNanos;
        this.clock = clock;
    }

    /** Starts the monitor's thread unless it runs. Called when a worker starts; cheap after the first time. */
    void startIfNeeded(ThreadSource threads, String name) {
        if (thread != null) return;
        startLock.lock();
        try {
            if (thread != null || stopped) return;
            Thread t = threads.newPlatformThread(name, this);
            thread = t;
            t.start();
        } finally {
            startLock.unlock();
        }
    }

    /** A worker became active: wakes the monitor if it parked for want of active workers. Any thread. */
    void nudge() {
        if (sleeping) {
            Thread t = thread;
            if (t != null) LockSupport.unpark(t);
        }
    }

    void stop() {
        stopped = true;
        Thread t = thread;
        if (t != null) LockSupport.unpark(t);
    }

    @Override
    public void run() {
        while (!stopped) {
            boolean watching = look(clock.nanoTime());
            if (watching || dispatcher.anyActive()) {
                LockSupport.parkNanos(this, periodNanos);
                continue;
            }
            sleeping = true;
            // A worker that became active after the check above sees sleeping and unparks us (both volatile).
            if (!dispatcher.anyActive() && !stopped) LockSupport.park(this);
            sleeping = false;
        }
    }

    /** One look at every worker. Returns true if some worker runs a turn that may still need compensating. */
    private boolean look(long now) {
        boolean watching = false;
        for (Dispatcher.Worker w : dispatcher.workers()) {
            ActorCell<?> cell = w.running;
            if (cell == null || w.blocked) {
                w.seenProgress = -1;
                continue;
            }
            if (w.compensated) {
                if (w.runNext != null) dispatcher.requeueRunNext(w);
                continue;
            }
            watching = true;
            long progress = w.progress();
            if (progress != w.seenProgress) {
                w.seenProgress = progress;
                w.seenSince = now;
                continue;
            }
            Thread t = w.thread;
            if (t == null) continue;
            boolean runnable = t.getState() == Thread.State.RUNNABLE;
            if (now - w.seenSince >= (runnable ? busyAfterNanos : parkedAfterNanos)) {
                dispatcher.compensate(w, runnable);
            }
        }
        return watching;
    }
}
