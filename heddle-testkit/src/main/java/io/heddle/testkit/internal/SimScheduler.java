package io.heddle.testkit.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The simulation's scheduler and driver. Every simulated thread is a virtual thread whose scheduler is this executor:
 * when a thread becomes runnable the JDK hands its run task here, and the driver, one platform thread, picks the next
 * task among the runnable ones with a seeded random generator and runs it until the thread parks, yields or ends. One
 * thread runs at a time, so a seed fixes the whole interleaving.
 *
 * <h2>Driver loop</h2>
 * Run a random runnable thread. When none is runnable: if a thread waits on real time (a JDK timed wait the
 * simulation does not control), fail in strict mode, or wait for it in lenient mode; otherwise the system is idle,
 * and the driver answers the main thread's request (wait until idle, advance time), or fires the next timer (virtual
 * time jumps to it), or else reports a deadlock with every thread's stack.
 *
 * <h2>Threads</h2>
 * {@code execute} may be called by a simulated thread (mounted on the driver), by the driver itself (a timer task that
 * unparks), or by a foreign thread: the JDK's unparker after a timed wait, a thread outside the simulation. A foreign
 * wake-up in strict mode is a violation, reported with the woken thread's stack, which shows the wait.
 */
public final class SimScheduler implements Executor {

    /** How many steps a simulation may take before it is declared stuck in a loop. */
    public static final long DEFAULT_MAX_STEPS = 50_000_000L;

    private final long seed;
    private final boolean strict;
    private final long maxSteps;
    private final Random random;
    private final VirtualTime time;
    private final Thread.Builder.OfVirtual builder;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition foreignArrival = lock.newCondition();
    /** Guarded by lock. */
    private final ArrayList<Runnable> ready = new ArrayList<>();
    /** Driver thread only: every simulated thread seen, with its trace label, in order of first appearance. */
    private final Map<Thread, String> labels = new IdentityHashMap<>();
    private final LinkedHashMap<Thread, Boolean> live = new LinkedHashMap<>();
    private final Trace trace;

    private volatile Thread driver;
    private volatile String violation;
    private long steps;

    // The main thread's requests: written by the main thread before it parks, cleared by the driver.
    private volatile Thread mainThread;
    private volatile boolean mainDone;
    private volatile Throwable mainFailure;
    private volatile Request request;

    /** What the main thread waits for. */
    private sealed interface Request {
        record Idle() implements Request {}

        record AdvanceTo(long target) implements Request {}

        record NextTimer() implements Request {}
    }

    private volatile boolean nextTimerFound;

    public SimScheduler(long seed, boolean strict, long maxSteps, VirtualTime time, int traceCapacity) {
        this.seed = seed;
        this.strict = strict;
        this.maxSteps = maxSteps;
        this.random = new Random(seed);
        this.time = time;
        this.builder = VirtualThreadHook.builder(this);
        this.trace = new Trace(traceCapacity);
    }

    /** Returns a builder of simulated threads. */
    public Thread.Builder.OfVirtual threads() {
        return builder;
    }

    public VirtualTime time() {
        return time;
    }

    public long seed() {
        return seed;
    }

    public Trace trace() {
        return trace;
    }

    public long steps() {
        return steps;
    }

    /** Returns true if {@code thread} is a thread of this simulation. */
    public boolean runs(Thread thread) {
        return thread.isVirtual() && VirtualThreadHook.schedulerOf(thread) == this;
    }

    /** Returns true if the calling thread is this simulation's main thread. */
    public boolean onMainThread() {
        return Thread.currentThread() == mainThread;
    }

    // ------------------------------------------------------------------------------------------------ executor

    @Override
    public void execute(Runnable task) {
        Thread caller = Thread.currentThread();
        boolean foreign = caller != driver && !caller.isVirtual();
        lock.lock();
        try {
            ready.add(task);
            if (foreign) {
                if (strict && violation == null) violation = realTimeViolation(task, caller);
                foreignArrival.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private static String realTimeViolation(Runnable task, Thread waker) {
        Thread woken = VirtualThreadHook.threadOf(task);
        StringBuilder text = new StringBuilder("strict simulation: thread '")
                .append(woken == null ? "?" : woken.getName()).append("' was woken by '").append(waker.getName())
                .append("', outside the simulation's control: it waited on real time (Thread.sleep, a timed park, "
                        + "poll or get with a timeout, a JDK scheduler). Wait on the actor system's clock instead "
                        + "(timeouts of call and receive, sendAfter), or run the simulation in lenient mode. It was "
                        + "waiting at:");
        if (woken != null) {
            for (StackTraceElement frame : woken.getStackTrace()) text.append("\n\tat ").append(frame);
        }
        return text.toString();
    }

    // ------------------------------------------------------------------------------------------------ driving

    /**
     * Runs {@code body} on a new simulated main thread and drives the simulation on the calling (platform) thread
     * until the main thread has finished and nothing else can run. Rethrows what the body threw.
     */
    public void drive(Runnable body) throws Throwable {
        Thread me = Thread.currentThread();
        if (me.isVirtual()) {
            throw new IllegalStateException("a simulation must be driven from a platform thread (such as the JUnit "
                    + "test thread), not from virtual thread " + me);
        }
        driver = me;
        Thread main = builder.name("sim-main").unstarted(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                mainFailure = t;
            } finally {
                mainDone = true;
            }
        });
        mainThread = main;
        main.start();
        try {
            loop();
        } finally {
            driver = null;
        }
        if (mainFailure != null) throw mainFailure;
    }

    private void loop() {
        for (;;) {
            if (violation != null) throw new IllegalStateException(violation);
            Runnable next = takeReady();
            if (next != null) {
                step(next);
                continue;
            }
            if (mainDone) return;
            // A thread in a real-time wait is busy, as far as the simulation can tell: nothing is idle until it ends.
            List<Thread> realWaiters = threadsWaitingOnRealTime();
            if (!realWaiters.isEmpty()) {
                if (strict) throw new IllegalStateException(realTimeWaitDump(realWaiters));
                awaitForeign();
                continue;
            }
            if (serveRequest()) continue;
            if (fireTimer()) continue;
            throw new IllegalStateException("simulation deadlocked at virtual time " + time.now() / 1_000_000
                    + " ms: no thread can run and no timer is set.\n" + threadDump());
        }
    }

    private Runnable takeReady() {
        lock.lock();
        try {
            int n = ready.size();
            if (n == 0) return null;
            int pick = n == 1 ? 0 : random.nextInt(n);
            // Swap-remove keeps it O(1); the order stays a function of the seed.
            Runnable task = ready.get(pick);
            Runnable last = ready.removeLast();
            if (pick < n - 1) ready.set(pick, last);
            return task;
        } finally {
            lock.unlock();
        }
    }

    private void step(Runnable task) {
        if (++steps > maxSteps) {
            throw new IllegalStateException("simulation still busy after " + maxSteps + " steps at virtual time "
                    + time.now() / 1_000_000 + " ms: a livelock, or a busy loop that never parks.\n" + threadDump());
        }
        Thread thread = VirtualThreadHook.threadOf(task);
        if (thread != null) {
            String label = labels.get(thread);
            if (label == null) {
                label = "#" + labels.size() + " " + thread.getName();
                labels.put(thread, label);
                live.put(thread, Boolean.TRUE);
            }
            trace.add(label);
        } else {
            trace.add("task " + task.getClass().getSimpleName());
        }
        task.run();
    }

    /** Answers the main thread's request if the simulation is idle now. Returns true if it woke the main thread. */
    private boolean serveRequest() {
        Request r = request;
        if (r == null) return false;
        switch (r) {
            case Request.Idle i -> {
                if (time.nextDue() <= time.now()) return false; // timers due now fire first (through fireTimer)
                return wakeMain();
            }
            case Request.AdvanceTo(long target) -> {
                if (time.nextDue() <= target) return false; // fire it first, through fireTimer
                time.advanceTo(target);
                trace.add("time " + target / 1_000_000 + " ms");
                return wakeMain();
            }
            case Request.NextTimer n -> {
                nextTimerFound = time.nextDue() != Long.MAX_VALUE;
                if (!nextTimerFound) return wakeMain();
                long due = time.nextDue();
                request = new Request.AdvanceTo(due);
                return false;
            }
        }
    }

    private boolean wakeMain() {
        request = null;
        LockSupport.unpark(mainThread);
        return true;
    }

    private boolean fireTimer() {
        long due = time.nextDue();
        if (due == Long.MAX_VALUE) return false;
        trace.add("timer at " + due / 1_000_000 + " ms");
        time.fireNext();
        return true;
    }

    private List<Thread> threadsWaitingOnRealTime() {
        List<Thread> waiting = new ArrayList<>();
        live.keySet().removeIf(t -> t.getState() == Thread.State.TERMINATED);
        for (Thread t : live.keySet()) {
            if (t.getState() == Thread.State.TIMED_WAITING) waiting.add(t);
        }
        return waiting;
    }

    private void awaitForeign() {
        lock.lock();
        try {
            if (ready.isEmpty()) foreignArrival.await(10, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a real-time wait to end", e);
        } finally {
            lock.unlock();
        }
    }

    private String realTimeWaitDump(List<Thread> waiting) {
        StringBuilder text = new StringBuilder("strict simulation: nothing can run but ").append(waiting.size())
                .append(" thread(s) wait on real time (Thread.sleep, a timed park, poll or get with a timeout), which "
                        + "the simulation does not control. Wait on the actor system's clock instead, or run the "
                        + "simulation in lenient mode.");
        for (Thread t : waiting) appendStack(text, t);
        return text.toString();
    }

    /** Returns how many simulated threads have run and not yet ended. */
    public int liveThreads() {
        live.keySet().removeIf(t -> t.getState() == Thread.State.TERMINATED);
        return live.size();
    }

    /** Returns the stacks of every live simulated thread. */
    public String threadDump() {
        StringBuilder text = new StringBuilder("simulated threads:");
        live.keySet().removeIf(t -> t.getState() == Thread.State.TERMINATED);
        for (Thread t : live.keySet()) appendStack(text, t);
        return text.toString();
    }

    private static void appendStack(StringBuilder text, Thread t) {
        text.append("\n'").append(t.getName()).append("' ").append(t.getState());
        for (StackTraceElement frame : t.getStackTrace()) text.append("\n\tat ").append(frame);
    }

    // ------------------------------------------------------------------------------------------------ requests

    /** Main thread: waits until no simulated thread can run. */
    public void awaitIdle() {
        await(new Request.Idle());
    }

    /** Main thread: runs until idle, firing every timer due within {@code nanos}, then sets the time to now + nanos. */
    public void advance(long nanos) {
        await(new Request.AdvanceTo(time.now() + nanos));
    }

    /** Main thread: runs until idle, then moves to the next timer, fires it and runs until idle again. */
    public boolean advanceToNextTimer() {
        await(new Request.NextTimer());
        return nextTimerFound;
    }

    private void await(Request r) {
        if (!onMainThread()) {
            throw new IllegalStateException("simulation controls (runUntilIdle, advance) must be called from the "
                    + "simulation's main thread, the one running the test body, not from " + Thread.currentThread());
        }
        request = r;
        while (request != null) LockSupport.park(this);
    }

    /** The recorded schedule: one entry per step, timer and time jump, the most recent {@code capacity} kept. */
    public static final class Trace {
        private final int capacity;
        private final ArrayDeque<String> entries = new ArrayDeque<>();
        private long dropped;
        private long hash = 1125899906842597L;

        Trace(int capacity) {
            this.capacity = capacity;
        }

        void add(String entry) {
            hash = 31 * hash + entry.hashCode();
            if (entries.size() == capacity) {
                entries.removeFirst();
                dropped++;
            }
            entries.add(entry);
        }

        /** Returns the entries kept, oldest first. */
        public List<String> entries() {
            return List.copyOf(entries);
        }

        /** Returns a hash of the whole schedule, kept entries and dropped ones alike. */
        public long hash() {
            return hash;
        }

        /** Returns how many entries were recorded in all. */
        public long size() {
            return dropped + entries.size();
        }

        /** Returns the last {@code n} entries, one per line. */
        public String tail(int n) {
            List<String> kept = List.copyOf(entries);
            return String.join("\n", kept.subList(Math.max(0, kept.size() - n), kept.size()));
        }
    }
}
