package io.heddle.internal.dispatch;

import io.heddle.internal.cell.ActorCell;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

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
 *   <li><b>Yielding.</b> A worker yields its carrier every {@code turnsPerYield} turns (1024 in production), so that
 *       a worker kept busy by a flood of messages cannot keep other virtual threads off its carrier. In a simulation
 *       it yields after every turn, so that the seed decides the interleaving at every turn.</li>
 *   <li><b>Idle.</b> A worker that finds nothing spins briefly (64 polls, one worker at a time) and then parks; a
 *       producer wakes a parked worker only when no one is spinning and fewer than {@code parallelism} are active.</li>
 * </ul>
 * Handlers that block in JDK code Heddle cannot see (sockets, JDBC, {@code Thread.sleep}) hold their worker; such
 * actors belong on {@link io.heddle.Backend#virtualThread()}.
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

    public Dispatcher(String name, int parallelism, ThreadSource threads, int turnsPerYield) {
        this.name = name;
        this.parallelism = parallelism;
        this.threads = threads;
        this.turnsPerYield = turnsPerYield;
    }

    @Override
    public void schedule(ActorCell<?> cell) {
        if (TurnRunner.current() instanceof Worker w && w.dispatcher() == this && !w.blocked) {
            ActorCell<?> running = w.running;
            if (running != null && running.mailboxLooksEmpty()) {
                ActorCell<?> displaced = w.runNext;
                w.runNext = cell;
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
        if (spinning.get() > 0 || shutdown) return;
        int a;
        do {
            a = active.get();
            if (a >= parallelism) return;
        } while (!active.compareAndSet(a, a + 1));
        Worker w = idle.pollFirst();
        if (w != null) {
            idleCount.decrementAndGet();
            w.wake();
        } else {
            startWorker();
        }
    }

    private void startWorker() {
        Worker w = new Worker(workerIds.incrementAndGet());
        workers.put(w.number, w);
        w.thread = threads.newVirtualThread("heddle-" + name + "-worker-" + w.number, w);
        w.thread.start();
    }

    /** Stops the workers once they finish their current turn. */
    public void shutdown() {
        shutdown = true;
        for (Worker w : workers.values()) w.wake();
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

    static {
        try {
            PROGRESS = MethodHandles.lookup().findVarHandle(Worker.class, "progress", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public final class Worker extends TurnRunner implements Runnable {
        final int number;
        public Thread thread;
        /** The actor to run next on this worker. Worker thread only. */
        ActorCell<?> runNext;
        /** True while a handler on this worker waits in a Heddle operation. Written by the worker thread only. */
        public volatile boolean blocked;
        /** Turns started, for the watchdog: written by the worker (opaque), read by the watchdog. */
        @SuppressWarnings("unused") // accessed through PROGRESS
        private long progress;
        private int ticks;
        private int turnsSinceYield;
        private volatile boolean parked;

        Worker(int number) {
            this.number = number;
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
                    if (active.get() > parallelism && !goIdle()) return;
                    if (++turnsSinceYield >= turnsPerYield) {
                        turnsSinceYield = 0;
                        Thread.yield(); // let other virtual threads have this carrier
                    }
                }
            } finally {
                workers.remove(number);
                unbindFromCurrentThread();
            }
        }

        private ActorCell<?> next() {
            ActorCell<?> local = runNext;
            if (local != null && (++ticks & 63) != 0) {
                runNext = null;
                return local;
            }
            ActorCell<?> global = queue.poll();
            if (global != null) return global;
            runNext = null;
            return local;
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
            if (runNext != null) {
                queue.offer(runNext);
                runNext = null;
            }
            if (idleCount.get() >= parallelism) {
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
                active.incrementAndGet();
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

        @Override
        boolean enterBlocking() {
            if (blocked) return false;
            blocked = true;
            if (runNext != null) {
                queue.offer(runNext);
                runNext = null;
            }
            active.decrementAndGet();
            if (!queue.isEmpty()) signal();
            return true;
        }

        @Override
        void exitBlocking() {
            blocked = false;
            active.incrementAndGet();
        }
    }
}
