package io.heddle.internal;

import io.heddle.ActorRef;
import io.heddle.ActorStartException;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.ActorSystemStoppedException;
import io.heddle.Backend;
import io.heddle.Behavior;
import io.heddle.ExitReason;
import io.heddle.Mailbox;
import io.heddle.SpawnOptions;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The actor system: owns the clock, the threads, the dispatcher, the dead letters and the actor tree.
 *
 * <p>The tree: every actor is linked into its parent's list of children (top-level actors into the system's), in
 * spawn order, by intrusive sibling links under {@link #treeLock}. That costs two fields per actor and no map entry,
 * and gives shutdown its reverse-spawn order for free.
 */
public final class SystemImpl implements ActorSystem {

    private static final System.Logger LOG = System.getLogger("io.heddle.system");
    /** Pids are unique across all systems in the JVM. */
    private static final AtomicLong PIDS = new AtomicLong();

    private static final int RUNNING = 0;
    private static final int STOPPING = 1;
    private static final int STOPPED = 2;

    private final ActorSystemConfig config;
    private final ThreadSource threads;
    private final RuntimeClock clock;
    private final Dispatcher dispatcher;
    private final DeadLetterOffice deadLetters;
    private final long sendTimeoutNanos;
    private final int throughput;
    private final CompletableFuture<Void> termination = new CompletableFuture<>();

    final ReentrantLock treeLock = new ReentrantLock();
    /** Guarded by treeLock. */
    private ActorCell<?> firstTop;
    private ActorCell<?> lastTop;
    /** Written under treeLock. */
    private volatile int state = RUNNING;

    public SystemImpl(ActorSystemConfig config) {
        this(config, ThreadSource.JDK, null);
    }

    SystemImpl(ActorSystemConfig config, ThreadSource threads, RuntimeClock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.threads = threads;
        this.clock = clock != null ? clock : new SystemClock(config.name(), threads);
        this.dispatcher = new Dispatcher(config.name(), config.parallelism(), threads);
        this.deadLetters = new DeadLetterOffice(this.clock);
        this.sendTimeoutNanos = config.sendTimeout().toNanos();
        this.throughput = config.throughput();
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public ActorSystemConfig config() {
        return config;
    }

    @Override
    public <M> ActorRef<M> spawn(Behavior<M> behavior, SpawnOptions options) {
        return spawnCell(null, behavior, options, false);
    }

    @Override
    public <M> ActorRef<M> start(Behavior<M> behavior, SpawnOptions options) {
        ActorCell<M> cell = spawnCell(null, behavior, options, true);
        CompletableFuture<Void> started = cell.extras().started;
        Duration timeout = config.callTimeout();
        if (!Waits.await(started, timeout.toNanos(), clock)) {
            cell.kill();
            throw new ActorStartException(cell.pid(), cell + " did not finish init within " + timeout.toMillis()
                    + " ms, so it was killed. Make init quick; do slow work in a message to self.", null);
        }
        if (started.isCompletedExceptionally()) {
            Throwable cause = started.exceptionNow();
            throw new ActorStartException(cell.pid(), cell + " failed to start: init threw " + cause, cause);
        }
        return cell;
    }

    <M> ActorCell<M> spawnCell(ActorCell<?> parent, Behavior<M> behavior, SpawnOptions options, boolean awaitInit) {
        Objects.requireNonNull(behavior, "behavior");
        Objects.requireNonNull(options, "options");
        if (behavior instanceof SpecialBehavior) {
            throw new IllegalArgumentException("Behaviors.same(), stopped() and unhandled() are return values of a "
                    + "handler; spawn a real behavior");
        }
        checkRunning("spawn an actor");
        Mailbox strategy = options.mailbox() != null ? options.mailbox() : config.defaultMailbox();
        long id = PIDS.incrementAndGet();
        ActorCell<M> cell = new ActorCell<>(this, id, options.name(), parent, MailboxQueue.create(strategy), behavior);
        DedicatedRunner dedicated = null;
        switch (options.backend()) {
            case Backend.Dispatcher d -> cell.setScheduler(dispatcher);
            case Backend.VirtualThread v -> dedicated = new DedicatedRunner(cell, threads, true, threadName(cell));
            case Backend.PlatformThread p -> dedicated = new DedicatedRunner(cell, threads, false, threadName(cell));
        }
        if (dedicated != null) cell.setScheduler(dedicated);
        if (awaitInit) cell.onStarted(new CompletableFuture<>());
        link(cell);
        if (dedicated != null) {
            dedicated.schedule(cell);
            dedicated.start();
        } else {
            dispatcher.schedule(cell);
        }
        return cell;
    }

    private String threadName(ActorCell<?> cell) {
        return "heddle-" + config.name() + "-" + cell;
    }

    private void link(ActorCell<?> cell) {
        ActorCell<?> parent = cell.parent();
        treeLock.lock();
        try {
            if (state != RUNNING) throw stopped("spawn an actor");
            if (parent == null) {
                cell.prevSibling = lastTop;
                if (lastTop == null) firstTop = cell;
                else lastTop.nextSibling = cell;
                lastTop = cell;
            } else {
                if (!parent.isAlive()) {
                    throw new IllegalStateException(parent + " is stopping and cannot spawn children");
                }
                CellExtras<?> family = parent.extras();
                cell.prevSibling = family.lastChild;
                if (family.lastChild == null) family.firstChild = cell;
                else family.lastChild.nextSibling = cell;
                family.lastChild = cell;
            }
        } finally {
            treeLock.unlock();
        }
    }

    /** Removes a stopped actor from its parent's children. */
    void unlink(ActorCell<?> cell) {
        ActorCell<?> parent = cell.parent();
        treeLock.lock();
        try {
            ActorCell<?> prev = cell.prevSibling;
            ActorCell<?> next = cell.nextSibling;
            if (parent == null) {
                if (prev == null) {
                    if (firstTop == cell) firstTop = next;
                } else {
                    prev.nextSibling = next;
                }
                if (next == null) {
                    if (lastTop == cell) lastTop = prev;
                } else {
                    next.prevSibling = prev;
                }
            } else {
                CellExtras<?> family = parent.extras();
                if (prev == null) {
                    if (family.firstChild == cell) family.firstChild = next;
                } else {
                    prev.nextSibling = next;
                }
                if (next == null) {
                    if (family.lastChild == cell) family.lastChild = prev;
                } else {
                    next.prevSibling = prev;
                }
            }
            cell.prevSibling = null;
            cell.nextSibling = null;
        } finally {
            treeLock.unlock();
        }
    }

    /** Returns the children of {@code parent} (or the top-level actors, for null), newest first. */
    List<ActorCell<?>> childrenNewestFirst(ActorCell<?> parent) {
        List<ActorCell<?>> result = new ArrayList<>();
        treeLock.lock();
        try {
            ActorCell<?> c;
            if (parent == null) {
                c = lastTop;
            } else {
                CellExtras<?> family = parent.extrasIfPresent();
                c = family == null ? null : family.lastChild;
            }
            for (; c != null; c = c.prevSibling) result.add(c);
        } finally {
            treeLock.unlock();
        }
        return result;
    }

    /**
     * Asks {@code cell} to stop and waits up to {@code timeout}; then kills it and waits as long again. Returns true
     * if it stopped. May be called from an actor's thread: only that actor waits.
     */
    boolean stopAndAwait(ActorCell<?> cell, ExitReason reason, Duration timeout) {
        CompletableFuture<ExitReason> done = cell.termination();
        cell.stop(reason);
        if (Waits.await(done, timeout.toNanos(), clock)) return true;
        LOG.log(Level.WARNING, cell + " did not stop within " + timeout.toMillis() + " ms; killing it");
        cell.kill();
        if (Waits.await(done, timeout.toNanos(), clock)) return true;
        LOG.log(Level.WARNING, cell + " did not stop after being killed (its handler ignores interrupts); "
                + "abandoning it");
        return false;
    }

    @Override
    public io.heddle.DeadLetters deadLetters() {
        return deadLetters;
    }

    DeadLetterOffice deadLetterOffice() {
        return deadLetters;
    }

    @Override
    public boolean isRunning() {
        return state == RUNNING;
    }

    @Override
    public CompletableFuture<Void> termination() {
        return termination;
    }

    @Override
    public void shutdown(Duration perActorTimeout) {
        Objects.requireNonNull(perActorTimeout, "perActorTimeout");
        treeLock.lock();
        try {
            if (state != RUNNING) {
                treeLock.unlock();
                termination.join();
                treeLock.lock();
                return;
            }
            state = STOPPING;
        } finally {
            treeLock.unlock();
        }
        try {
            for (ActorCell<?> cell : childrenNewestFirst(null)) stopAndAwait(cell, ExitReason.SHUTDOWN, perActorTimeout);
        } finally {
            dispatcher.shutdown();
            clock.close();
            state = STOPPED;
            termination.complete(null);
        }
    }

    @Override
    public void close() {
        shutdown(config.shutdownTimeout());
    }

    void checkRunning(String operation) {
        if (state != RUNNING) throw stopped(operation);
    }

    private ActorSystemStoppedException stopped(String operation) {
        return new ActorSystemStoppedException("cannot " + operation + ": actor system '" + config.name() + "' is "
                + (state == STOPPING ? "shutting down" : "stopped") + ". Create a new ActorSystem to keep working.");
    }

    RuntimeClock clock() {
        return clock;
    }

    long sendTimeoutNanos() {
        return sendTimeoutNanos;
    }

    int throughput() {
        return throughput;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public String toString() {
        return "ActorSystem[" + config.name() + "]";
    }
}
