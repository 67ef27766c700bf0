package io.heddle.internal.system;

import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.cell.SpecialBehavior;
import io.heddle.internal.dispatch.DedicatedRunner;
import io.heddle.internal.dispatch.Dispatcher;
import io.heddle.internal.dispatch.ThreadSource;
import io.heddle.scheduling.Blocking;
import io.heddle.internal.dispatch.Waits;
import io.heddle.internal.mailbox.MailboxQueue;
import io.heddle.internal.observe.InspectorImpl;
import io.heddle.internal.observe.Observers;
import io.heddle.internal.routing.RouterView;
import io.heddle.internal.sched.CellScheduling;
import io.heddle.internal.sched.SchedulingWatchdog;
import io.heddle.internal.table.ActorTable;
import io.heddle.internal.table.RegistryImpl;
import io.heddle.internal.testing.DeliveryInterceptor;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.ActorRef;
import io.heddle.ActorStartException;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.ActorSystemStoppedException;
import io.heddle.Backend;
import io.heddle.Behavior;
import io.heddle.ExitReason;
import io.heddle.Mailbox;
import io.heddle.MonitorRef;
import io.heddle.Pid;
import io.heddle.Registry;
import io.heddle.SpawnOptions;
import io.heddle.spi.ActorObserver;
import io.heddle.inspect.Inspector;
import io.heddle.scheduling.SchedulingEvent;
import io.heddle.spi.SchedulingMetrics;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The actor system: owns the clock, the threads, the dispatcher, the dead letters, the randomness and the
 * {@link ActorTable} of its live actors (their tree, links, monitors and names).
 */
public final class SystemImpl implements ActorSystem {

    private static final System.Logger LOG = System.getLogger("io.heddle.system");

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

    private final ActorTable table = new ActorTable();
    private final RegistryImpl registry;
    private final Random random;
    private final LongSupplier pids;
    /** Null in production. */
    public final DeliveryInterceptor interceptor;
    private final int turnsPerYield;
    /** See {@link SystemRuntime#yieldAtSends()}. */
    public final boolean yieldAtSends;
    private final AtomicLong monitorIds = new AtomicLong();
    private final AtomicLong chainIds = new AtomicLong();
    /** The scheduling metrics, or null when they are {@link SchedulingMetrics#NONE}: then nobody times handlers. */
    public final SchedulingMetrics metrics;
    private final java.util.function.Consumer<? super SchedulingEvent> schedulingListener;
    /** Null in a simulation (no periodic tick). */
    private final SchedulingWatchdog watchdog;
    /** The observers as one, or null for none. */
    public final ActorObserver observer;
    private final long startNanos;
    private final boolean ticking;
    /** Milliseconds since start, advanced by the tick: read per message, so a field read rather than a clock read. */
    private volatile int coarseMillis;
    private final java.util.ArrayDeque<SchedulingEvent> recentEvents = new java.util.ArrayDeque<>();
    private final ReentrantLock eventsLock = new ReentrantLock();
    private final InspectorImpl inspector = new InspectorImpl(this);
    private final java.util.concurrent.CopyOnWriteArrayList<RouterView> routers =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** How many scheduling events {@link #recentSchedulingEvents()} keeps. */
    static final int RECENT_EVENTS = 256;
    private final ReentrantLock stateLock = new ReentrantLock();
    /** Written under stateLock. */
    private volatile int state = RUNNING;

    public SystemImpl(ActorSystemConfig config) {
        this(config, SystemRuntime.production(Objects.requireNonNull(config, "config").name()));
    }

    /** For core tests: the JDK's threads with another clock. */
    SystemImpl(ActorSystemConfig config, ThreadSource threads, RuntimeClock clock) {
        this(config, new SystemRuntime(threads, clock, SystemRuntime.production(config.name()).pids(),
                clock.nanoTime(), null, SystemRuntime.PRODUCTION_TURNS_PER_YIELD, false, true));
    }

    /** Creates a system on {@code runtime}: the test kit's way in. */
    public SystemImpl(ActorSystemConfig config, SystemRuntime runtime) {
        this.config = Objects.requireNonNull(config, "config");
        this.threads = runtime.threads();
        this.clock = runtime.clock();
        this.pids = runtime.pids();
        this.interceptor = runtime.interceptor();
        this.turnsPerYield = runtime.turnsPerYield();
        this.yieldAtSends = runtime.yieldAtSends();
        this.dispatcher = new Dispatcher(config.name(), config.parallelism(), threads, turnsPerYield,
                runtime.ticking() ? config.blocking() : Blocking.disabled(), clock, this::publish);
        this.deadLetters = new DeadLetterOffice(this.clock);
        this.sendTimeoutNanos = config.sendTimeout().toNanos();
        this.throughput = config.throughput();
        this.registry = new RegistryImpl(this, table);
        this.random = new Random(runtime.randomSeed());
        this.metrics = config.schedulingMetrics() == SchedulingMetrics.NONE ? null : config.schedulingMetrics();
        this.schedulingListener = config.schedulingListener();
        this.observer = Observers.of(config.observers());
        this.startNanos = clock.nanoTime();
        this.ticking = runtime.ticking();
        this.watchdog = ticking ? new SchedulingWatchdog(this, config.watchdog()) : null;
        if (watchdog != null) watchdog.start();
        if (observer != null) Observers.safely(observer, "systemStarted", () -> observer.systemStarted(this));
    }

    /** Milliseconds since the system started, to within the tick (50 ms at most); exact in a simulation. */
    public int coarseMillis() {
        return ticking ? coarseMillis : (int) ((clock.nanoTime() - startNanos) / 1_000_000);
    }

    /** Called by the tick. */
    public void advanceCoarseClock() {
        coarseMillis = (int) ((clock.nanoTime() - startNanos) / 1_000_000);
    }

    /** How long since the system was created. */
    public Duration uptime() {
        return Duration.ofNanos(clock.nanoTime() - startNanos);
    }

    @Override
    public Inspector inspect() {
        return inspector;
    }

    /** The most recent scheduling events, oldest first. */
    public List<SchedulingEvent> recentSchedulingEvents() {
        eventsLock.lock();
        try {
            return List.copyOf(recentEvents);
        } finally {
            eventsLock.unlock();
        }
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
        CompletableFuture<Void> started = cell.startedFuture();
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

    public <M> ActorCell<M> spawnCell(ActorCell<?> parent, Behavior<M> behavior, SpawnOptions options, boolean awaitInit) {
        return spawnCell(parent, behavior, options, awaitInit, false);
    }

    /**
     * Creates, registers and schedules an actor. With {@code linkToParent}, the actor is linked to its parent before it
     * runs (spawn_link). With {@code awaitInit}, the cell's started future is set up (the caller waits on it).
     */
    public <M> ActorCell<M> spawnCell(ActorCell<?> parent, Behavior<M> behavior, SpawnOptions options, boolean awaitInit,
                               boolean linkToParent) {
        return spawnCell(parent, behavior, options, awaitInit, linkToParent, null);
    }

    /** As above; {@code prepare}, if not null, runs on the new cell before anything can see or run it. */
    public <M> ActorCell<M> spawnCell(ActorCell<?> parent, Behavior<M> behavior, SpawnOptions options, boolean awaitInit,
                               boolean linkToParent, java.util.function.Consumer<ActorCell<M>> prepare) {
        Objects.requireNonNull(behavior, "behavior");
        Objects.requireNonNull(options, "options");
        if (behavior instanceof SpecialBehavior) {
            throw new IllegalArgumentException("Behaviors.same(), stopped() and unhandled() are return values of a "
                    + "handler; spawn a real behavior");
        }
        checkRunning("spawn an actor");
        Mailbox strategy = options.mailbox() != null ? options.mailbox() : config.defaultMailbox();
        long id = pids.getAsLong();
        ActorCell<M> cell = new ActorCell<>(this, id, options.name(), parent, MailboxQueue.create(strategy), behavior);
        cell.setScheduling(CellScheduling.of(options.scheduling(), throughput));
        DedicatedRunner dedicated = null;
        switch (options.backend()) {
            case Backend.Dispatcher d -> cell.setScheduler(dispatcher);
            case Backend.VirtualThread v -> dedicated = new DedicatedRunner(cell, threads, true, threadName(cell),
                    turnsPerYield);
            case Backend.PlatformThread p -> dedicated = new DedicatedRunner(cell, threads, false, threadName(cell),
                    turnsPerYield);
        }
        if (dedicated != null) cell.setScheduler(dedicated);
        if (awaitInit) cell.onStarted(new CompletableFuture<>());
        if (prepare != null) prepare.accept(cell);
        if (dedicated == null) cell.startWithoutInitIfTrivial();
        switch (table.add(cell, linkToParent)) {
            case NONE -> { }
            case SYSTEM_STOPPING -> throw stopped("spawn an actor");
            case PARENT_STOPPING -> throw new IllegalStateException(parent + " is stopping and cannot spawn "
                    + "children");
        }
        if (dedicated != null) {
            dedicated.schedule(cell);
            dedicated.start();
        } else if (cell.startedWithoutInit()) {
            // A plain behavior has nothing to initialise: no turn is needed until its first message.
        } else {
            dispatcher.schedule(cell);
        }
        return cell;
    }

    private String threadName(ActorCell<?> cell) {
        return "heddle-" + config.name() + "-" + cell;
    }

    /** Returns the children of {@code parent} (or the top-level actors, for null), newest first. */
    public List<ActorCell<?>> childrenNewestFirst(ActorCell<?> parent) {
        return table.childrenNewestFirst(parent);
    }

    /**
     * Asks {@code cell} to stop and waits up to {@code timeout}; then kills it and waits as long again. Returns true
     * if it stopped. May be called from an actor's thread: only that actor waits.
     */
    public boolean stopAndAwait(ActorCell<?> cell, ExitReason reason, Duration timeout) {
        CompletableFuture<ExitReason> done = cell.termination();
        cell.stopNow(reason);
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

    public DeadLetterOffice deadLetterOffice() {
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
        stateLock.lock();
        try {
            if (state != RUNNING) {
                stateLock.unlock();
                try {
                    termination.join();
                } finally {
                    stateLock.lock();
                }
                return;
            }
            state = STOPPING;
            table.stopAccepting();
        } finally {
            stateLock.unlock();
        }
        try {
            for (ActorCell<?> cell : childrenNewestFirst(null)) stopAndAwait(cell, ExitReason.SHUTDOWN, perActorTimeout);
        } finally {
            if (watchdog != null) watchdog.stop();
            dispatcher.shutdown();
            clock.close();
            state = STOPPED;
            if (observer != null) Observers.safely(observer, "systemStopped", () -> observer.systemStopped(this));
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

    /**
     * Refuses {@code operation} once the system has stopped. While it shuts down, actors not yet stopped keep serving
     * calls, so that handlers finishing their work during a graceful shutdown can still call the actors they need.
     */
    public void checkNotStopped(String operation) {
        if (state == STOPPED) throw stopped(operation);
    }

    private ActorSystemStoppedException stopped(String operation) {
        return new ActorSystemStoppedException("cannot " + operation + ": actor system '" + config.name() + "' is "
                + (state == STOPPING ? "shutting down" : "stopped") + ". Create a new ActorSystem to keep working.");
    }

    @Override
    public RuntimeClock clock() {
        return clock;
    }

    public ActorTable table() {
        return table;
    }

    @Override
    public Registry registry() {
        return registry;
    }

    /** The system's source of randomness (backoff jitter): seeded, so a simulation can make it repeatable. */
    public Random random() {
        return random;
    }

    /** Returns the next pid id. */
    public long nextPid() {
        return pids.getAsLong();
    }

    /** Returns a new monitor reference, unique in this system; public for the test kit. */
    public MonitorRef newMonitorRef(Pid target) {
        return new MonitorRef(monitorIds.incrementAndGet(), target);
    }

    /** Returns a new call chain id, unique in this system. */
    public long nextChainId() {
        return chainIds.incrementAndGet();
    }

    /** Hands a scheduling event to the configured listener; a listener that throws is logged, not propagated. */
    public void publish(SchedulingEvent event) {
        eventsLock.lock();
        try {
            if (recentEvents.size() == RECENT_EVENTS) recentEvents.removeFirst();
            recentEvents.addLast(event);
        } finally {
            eventsLock.unlock();
        }
        try {
            schedulingListener.accept(event);
        } catch (Throwable failure) {
            LOG.log(Level.WARNING, "the scheduling listener of " + this + " threw on " + event.getClass()
                    .getSimpleName() + "; ignored", failure);
        }
    }

    /** Makes a router visible to inspection until it is closed; public for the routing package. */
    public void addRouter(RouterView router) {
        routers.add(router);
    }

    /** Public for the routing package. */
    public void removeRouter(RouterView router) {
        routers.remove(router);
    }

    public List<RouterView> routers() {
        return routers;
    }

    /** A new pid, for something that is not an actor but is named like one (a router); public for routing. */
    public Pid newPid() {
        return Pid.local(pids.getAsLong());
    }

    /** A new random source seeded from the system's (repeatable in a simulation); public for the routing package. */
    public java.util.Random newRandom() {
        return new java.util.Random(random.nextLong());
    }

    /** Publishes a dead letter that no actor's mailbox produced (a router's); public for the routing package. */
    public void deadLetter(Pid recipient, String recipientName, Object message, io.heddle.DeadLetter.Reason reason) {
        deadLetters.publish(recipient, recipientName, message, reason);
    }

    public ThreadSource threads() {
        return threads;
    }

    public long sendTimeoutNanos() {
        return sendTimeoutNanos;
    }

    public int throughput() {
        return throughput;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public String toString() {
        return "ActorSystem[" + config.name() + "]";
    }

    private final io.heddle.internal.call.SystemCodecContext codecContext =
            new io.heddle.internal.call.SystemCodecContext(this);

    /** What codecs use to write and read actor refs and reply handles of this system (io.heddle.spi.CodecContext). */
    public io.heddle.internal.call.SystemCodecContext codecContext() {
        return codecContext;
    }
}
