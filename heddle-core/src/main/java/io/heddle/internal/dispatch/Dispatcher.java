package io.heddle.internal.dispatch;

import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.Pid;
import io.heddle.scheduling.Blocking;
import io.heddle.scheduling.WorkersExhausted;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The shared dispatcher: a few long-lived virtual threads (workers) take ready actors from a queue and run their
 * turns. See docs/adr/0002 for why.
 *
 * <h2>Design</h2>
 * <ul>
 *   <li><b>Ready queue.</b> A global MPMC queue, plus one {@code runNext} slot per worker: an actor made ready by a
 *       handler whose own mailbox is empty runs next on the same worker, so a ping-pong or a ring hops without waking
 *       anyone (Go's runnext). A displaced or yielding actor goes to the global queue. Every 64th turn a worker looks
 *       at the global queue first, so runNext cannot starve it.</li>
 *   <li><b>Active workers.</b> {@code active} counts workers that run turns or look for work; the dispatcher keeps it
 *       at most {@code parallelism} (the carriers), starting workers lazily and parking idle ones on a stack.</li>
 *   <li><b>Blocking.</b> A handler that waits in a Heddle operation calls {@link #enterBlocking()}: the worker stops
 *       counting as active and, if work is queued, another worker is woken or started. When the wait ends the worker
 *       counts again, finishes its turn, and if there are now too many active workers, goes idle. So a blocked handler
 *       holds a parked virtual thread, never a carrier, and never stops the other actors.</li>
 *   <li><b>Blocking outside Heddle.</b> A handler that blocks in JDK code (a sleep, a socket, JDBC, a lock) or runs
 *       long on the CPU cannot announce it. The {@link BlockingMonitor} sees such a worker hold one turn for longer
 *       than a threshold and does for it what {@link TurnRunner#beginBlocking()} does: the worker stops counting, its runNext goes
 *       to the queue, and another worker takes the ready work (a platform thread if the held one is runnable, since it
 *       may be keeping its carrier). The held worker counts again when its turn ends ({@link Worker#settle()}).</li>
 *   <li><b>Yielding.</b> A worker yields its carrier every {@code turnsPerYield} turns (1024 in production), so that
 *       a worker kept busy by a flood of messages cannot keep other virtual threads off its carrier. In a simulation
 *       it yields after every turn, so that the seed decides the interleaving at every turn.</li>
 *   <li><b>Idle.</b> A worker that finds nothing spins briefly (64 polls, one worker at a time) and then parks; a
 *       producer wakes a parked worker only when no one is spinning and fewer than {@code parallelism} are active.</li>
 * </ul>
 * The runNext slot is the one field both a worker and the monitor change: the monitor takes it only with an atomic
 * exchange, and a worker takes it with a compare-and-set, so an actor is never run twice.
 */
public final class Dispatcher implements TurnScheduler {

    /**
     * How many times an idle worker polls the queue before parking. Short: long enough to catch work that arrives
     * within a microsecond or so (Chameneos: 259 ns per meeting against 515 without spinning), short enough that a
     * spinning worker does not keep a carrier from the virtual threads that need it (docs/benchmarks.md).
     */
    private static final int SPINS = 64;
    private final String name;
    private final int parallelism;
    private final ThreadSource threads;
    private final int turnsPerYield;
    private final ConcurrentLinkedQueue<ActorCell<?>> queue = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger spinning = new AtomicInteger();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final AtomicInteger workerIds = new AtomicInteger();
    /** Keyed by worker number, so iterating is repeatable (a simulation depends on it). */
    private final ConcurrentHashMap<Integer, Worker> workers = new ConcurrentHashMap<>();
    private volatile boolean shutdown;
    /** Workers compensated now; see {@link BlockingMonitor}. */
    private final AtomicInteger compensating = new AtomicInteger();
    private final int maxCompensating;
    /** Null when blocking compensation is off. */
    private final BlockingMonitor monitor;
    private final Consumer<WorkersExhausted> exhausted;
    private final RuntimeClock clock;
    /** Set when the limit was reported; cleared when the compensated count drops below it. */
    private volatile boolean exhaustionReported;

    /** A dispatcher without blocking compensation. */
    public Dispatcher(String name, int parallelism, ThreadSource threads, int turnsPerYield) {
        this(name, parallelism, threads, turnsPerYield, Blocking.disabled(), null, e -> {});
    }

    /**
     * A dispatcher that compensates for handlers blocked outside Heddle as {@code blocking} says, reporting an
     * exhausted limit to {@code exhausted} on the monitor's thread. {@code clock} may be null if blocking is disabled.
     */
    public Dispatcher(String name, int parallelism, ThreadSource threads, int turnsPerYield, Blocking blocking,
                      RuntimeClock clock, Consumer<WorkersExhausted> exhausted) {
        this.name = name;
        this.parallelism = parallelism;
        this.threads = threads;
        this.turnsPerYield = turnsPerYield;
        this.maxCompensating = blocking.maxCompensating();
        this.clock = clock;
        this.exhausted = exhausted;
        this.monitor = blocking.enabled() ? new BlockingMonitor(this, blocking, clock) : null;
    }

    @Override
    public void schedule(ActorCell<?> cell) {
        if (TurnRunner.current() instanceof Worker w && w.dispatcher() == this && !w.blocked && !w.compensated) {
            ActorCell<?> running = w.running;
            if (running != null && running.mailboxLooksEmpty()) {
                // Only this worker makes the slot non-null, so a null seen here stays null until the release store.
                if (w.runNext == null) {
                    RUN_NEXT.setRelease(w, cell);
                    return;
                }
                ActorCell<?> displaced = w.takeRunNext(cell);
                if (displaced == null) return;
                cell = displaced;
            }
        }
        queue.offer(cell);
        signal();
    }

    @Override
    public void yieldTurn(ActorCell<?> cell) {
        queue.offer(cell);
        // A worker that yields an actor's turn takes its next turn from the queue itself: waking another worker for
        // it would only move the actor to another carrier (a wake-up per turn for a busy actor). New work arriving
        // through schedule() still wakes idle workers, so parallelism is not lost.
        if (!(TurnRunner.current() instanceof Worker w && w.dispatcher() == this && !w.blocked)) signal();
    }

    /** Makes sure some worker will look at the queue. */
    private void signal() {
        signal(false);
    }

    /**
     * Makes sure some worker will look at the queue; with {@code platform}, by starting a platform-thread worker
     * rather than waking an idle virtual one (whose carrier may be held).
     */
    private void signal(boolean platform) {
        if ((!platform && spinning.get() > 0) || shutdown) return;
        int a;
        do {
            a = active.get();
            if (a >= parallelism) return;
        } while (!active.compareAndSet(a, a + 1));
        nudgeMonitor();
        Worker w = platform ? null : idle.pollFirst();
        if (w != null) {
            idleCount.decrementAndGet();
            w.wake();
        } else {
            startWorker(platform);
        }
    }

    private void startWorker(boolean platform) {
        if (monitor != null) monitor.startIfNeeded(threads, "heddle-" + name + "-blocking-monitor");
        Worker w = new Worker(workerIds.incrementAndGet(), platform);
        workers.put(w.number, w);
        String threadName = "heddle-" + name + "-worker-" + w.number;
        w.thread = platform ? threads.newPlatformThread(threadName, w) : threads.newVirtualThread(threadName, w);
        w.thread.start();
    }

    /** Counts one more active worker, and makes sure the monitor watches. */
    private void activate() {
        active.incrementAndGet();
        nudgeMonitor();
    }

    private void nudgeMonitor() {
        if (monitor != null) monitor.nudge();
    }

    /** Stops the workers once they finish their current turn, and the monitor. */
    public void shutdown() {
        shutdown = true;
        if (monitor != null) monitor.stop();
        for (Worker w : workers.values()) w.wake();
    }

    /** Whether any worker counts as active; read by the monitor before it parks for good. */
    boolean anyActive() {
        return active.get() > 0;
    }

    /** How many workers are compensated now. */
    public int compensatingCount() {
        return compensating.get();
    }

    /**
     * On the monitor's thread: {@code w} has held one turn too long. Lets another worker take the ready work, unless
     * the limit is reached; in both cases its runNext goes back to the queue.
     */
    void compensate(Worker w, boolean platform) {
        ActorCell<?> stolen = w.takeRunNext(null);
        if (stolen != null) queue.offer(stolen);
        if (compensating.get() >= maxCompensating) {
            reportExhausted();
            if (stolen != null) signal();
            return;
        }
        if (!COMPENSATED.compareAndSet(w, false, true)) return;
        compensating.incrementAndGet();
        active.decrementAndGet();
        if (!queue.isEmpty()) signal(platform);
    }

    /** On the monitor's thread: a compensated worker still in its turn has a runNext again; queue it. */
    void requeueRunNext(Worker w) {
        ActorCell<?> stolen = w.takeRunNext(null);
        if (stolen != null) {
            queue.offer(stolen);
            signal();
        }
    }

    private void reportExhausted() {
        if (exhaustionReported) return;
        exhaustionReported = true;
        List<Pid> heldBy = new ArrayList<>();
        for (Worker w : workers.values()) {
            ActorCell<?> cell = w.running;
            if (cell != null && w.compensated && heldBy.size() < 16) heldBy.add(cell.pid());
        }
        exhausted.accept(new WorkersExhausted(clock.instant(), name, maxCompensating, heldBy));
    }

    /** Returns the number of worker threads alive: active, blocked and idle. */
    public int workerCount() {
        return workers.size();
    }

    /** The worker threads alive, for the watchdog. */
    public Collection<Worker> workers() {
        return workers.values();
    }

    private static final VarHandle PROGRESS;
    private static final VarHandle RUN_NEXT;
    private static final VarHandle COMPENSATED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PROGRESS = lookup.findVarHandle(Worker.class, "progress", long.class);
            RUN_NEXT = lookup.findVarHandle(Worker.class, "runNext", ActorCell.class);
            COMPENSATED = lookup.findVarHandle(Worker.class, "compensated", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public final class Worker extends TurnRunner implements Runnable {
        final int number;
        /** A platform-thread worker, started for a held runnable one; it ends rather than going idle. */
        final boolean platform;
        public Thread thread;
        /**
         * The actor to run next on this worker. Made non-null by the worker thread only; taken by the worker with a
         * compare-and-set and by the monitor with an exchange.
         */
        volatile ActorCell<?> runNext;
        /** True while a handler on this worker waits in a Heddle operation. Written by the worker thread only. */
        public volatile boolean blocked;
        /** True while the monitor has compensated this worker's held turn: it does not count as active. */
        volatile boolean compensated;
        /** The monitor's last sight of this worker: its progress and since when. Monitor thread only. */
        long seenProgress = -1;
        long seenSince;
        /** Turns started, for the watchdog: written by the worker (opaque), read by the watchdog. */
        @SuppressWarnings("unused") // accessed through PROGRESS
        private long progress;
        private int ticks;
        private int turnsSinceYield;
        private volatile boolean parked;

        Worker(int number, boolean platform) {
            this.number = number;
            this.platform = platform;
        }

        /** Exchanges the runNext slot for {@code value}, returning what was there. */
        ActorCell<?> takeRunNext(ActorCell<?> value) {
            return (ActorCell<?>) RUN_NEXT.getAndSet(this, value);
        }

        /** Whether the monitor compensated this worker's turn. */
        public boolean compensated() {
            return compensated;
        }

        /** Ends a compensation: the worker counts as active again. Worker thread only. */
        void settle() {
            if (compensated && COMPENSATED.compareAndSet(this, true, false)) {
                if (compensating.decrementAndGet() < maxCompensating) exhaustionReported = false;
                activate();
            }
        }

        Dispatcher dispatcher() {
            return Dispatcher.this;
        }

        /** How many turns this worker has started; read by the watchdog. */
        public long progress() {
            return (long) PROGRESS.getOpaque(this);
        }

        /** The actor whose turn runs here, as the watchdog sees it (a racy read), or null. */
        public ActorCell<?> runningCell() {
            return running;
        }

        @Override
        public void run() {
            bindToCurrentThread();
            try {
                while (!shutdown) {
                    ActorCell<?> cell = next();
                    if (cell == null) cell = spin();
                    if (cell == null) {
                        if (!goIdle()) return;
                        continue;
                    }
                    running = cell;
                    PROGRESS.setOpaque(this, (long) PROGRESS.getOpaque(this) + 1);
                    try {
                        cell.runTurn();
                    } finally {
                        running = null;
                    }
                    settle();
                    if (active.get() > parallelism && !goIdle()) return;
                    if (++turnsSinceYield >= turnsPerYield) {
                        turnsSinceYield = 0;
                        Thread.yield(); // let other virtual threads have this carrier
                    }
                }
            } finally {
                workers.remove(number);
                // Compensated after its last settle: the monitor's decrement is undone, this worker's own exit kept.
                if (compensated && COMPENSATED.compareAndSet(this, true, false)) {
                    compensating.decrementAndGet();
                    active.incrementAndGet();
                }
                unbindFromCurrentThread();
            }
        }

        private ActorCell<?> next() {
            ActorCell<?> local = runNext;
            if (local != null && (++ticks & 63) != 0 && RUN_NEXT.compareAndSet(this, local, null)) return local;
            ActorCell<?> global = queue.poll();
            if (global != null) return global;
            return local != null && RUN_NEXT.compareAndSet(this, local, null) ? local : null;
        }

        private ActorCell<?> spin() {
            if (spinning.get() > 0 || !spinning.compareAndSet(0, 1)) return null;
            ActorCell<?> found = null;
            try {
                for (int i = 0; i < SPINS && !shutdown; i++) {
                    found = queue.poll();
                    if (found != null) break;
                    Thread.onSpinWait();
                }
            } finally {
                spinning.set(0);
            }
            if (found != null && !queue.isEmpty()) signal();
            return found;
        }

        /** Parks until woken. Returns false if the worker should exit. */
        private boolean goIdle() {
            settle();
            requeueRunNext();
            if (platform || idleCount.get() >= parallelism) {
                // Enough spares parked already: this one, left over from a blocking handler, ends.
                active.decrementAndGet();
                if (!queue.isEmpty()) signal();
                return false;
            }
            parked = true;
            idle.addFirst(this);
            idleCount.incrementAndGet();
            active.decrementAndGet();
            // Work queued while we still counted as active found nobody to wake: take ourselves back for it.
            if (!queue.isEmpty() && idle.remove(this)) {
                idleCount.decrementAndGet();
                activate();
                parked = false;
                return !shutdown;
            }
            while (parked && !shutdown) LockSupport.park(this);
            return !shutdown;
        }

        void wake() {
            parked = false;
            Thread t = thread;
            if (t != null) LockSupport.unpark(t);
        }

        private void requeueRunNext() {
            if (runNext == null) return;
            ActorCell<?> next = takeRunNext(null);
            if (next != null) queue.offer(next);
        }

        @Override
        boolean enterBlocking() {
            if (blocked) return false;
            blocked = true;
            requeueRunNext();
            active.decrementAndGet();
            if (!queue.isEmpty()) signal();
            return true;
        }

        @Override
        void exitBlocking() {
            blocked = false;
            activate();
        }
    }
}
