package io.heddle.internal;

import io.heddle.Actor;
import io.heddle.ActorInterruptedException;
import io.heddle.ActorRef;
import io.heddle.Behavior;
import io.heddle.Cancellable;
import io.heddle.DeadLetter;
import io.heddle.Down;
import io.heddle.ExitReason;
import io.heddle.ExitSignal;
import io.heddle.Health;
import io.heddle.MonitorRef;
import io.heddle.Pid;
import io.heddle.ReplyTo;
import io.heddle.SendResult;
import io.heddle.WeakActorRef;
import io.heddle.task.CancelledException;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An actor: its mailbox, its behavior, its place in the tree, and the turn loop that runs it. The cell is also the
 * actor's {@link ActorRef}, which saves an object per actor.
 *
 * <h2>Design</h2>
 * <p><b>Scheduling state</b> ({@code schedState}): {@code IDLE} (no turn queued or running), {@code SCHEDULED} (a turn
 * is queued or running), {@code WAITING} (running, and parked in selective receive), {@code TERMINATED}. A sender
 * enqueues first, then moves the cell from IDLE to SCHEDULED by CAS and hands it to its {@link TurnScheduler}; the
 * winner of that CAS is the only one that schedules. At the end of a turn the runner writes IDLE and looks at the
 * queues again, so a message that arrived during the turn is never stranded. A sender that sees WAITING unparks the
 * runner instead.
 *
 * <p><b>Lifecycle</b> ({@code lifecycle}): NEW until init has run, RUNNING, STOPPING while children stop and hooks run,
 * DEAD. Only the actor's own thread (the one running its turn) changes it, so termination is never concurrent with a
 * handler. Stop and kill requests arrive through the control lane, which the turn loop reads before every user
 * message.
 *
 * <p><b>Runner</b> ({@code runner}): the thread running the current turn. Kill interrupts it, but only while it
 * still runs this actor: the interrupter swaps the runner for {@code INTERRUPTING}, interrupts, and swaps it back; the
 * runner clears it at the end of the turn by CAS and, if an interrupt was under way, waits for it and clears the
 * thread's interrupt status, so an interrupt never leaks into another actor's turn.
 *
 * <p><b>Termination</b> runs on the actor thread: cancel timers, stop children in reverse order (waiting for each),
 * run terminate hooks, close the mailbox and dead-letter what is left (failing pending calls at once), fail deferred
 * replies, unlink from the tree, complete the termination future, and drop the behavior so a stale reference keeps
 * only a tombstone.
 */
public final class ActorCell<M> implements ActorRef<M> {

    private static final System.Logger LOG = System.getLogger("io.heddle.actor");

    static final int IDLE = 0;
    static final int SCHEDULED = 1;
    static final int WAITING = 2;
    static final int TERMINATED = 3;

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int STOPPING = 2;
    private static final int DEAD = 3;

    private static final Object INTERRUPTING = new Object();

    private static final VarHandle SCHED;
    private static final VarHandle RUNNER;
    private static final VarHandle CONTROL;
    private static final VarHandle EXTRAS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SCHED = lookup.findVarHandle(ActorCell.class, "schedState", int.class);
            RUNNER = lookup.findVarHandle(ActorCell.class, "runner", Object.class);
            CONTROL = lookup.findVarHandle(ActorCell.class, "control", ConcurrentLinkedQueue.class);
            EXTRAS = lookup.findVarHandle(ActorCell.class, "extras", CellExtras.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SystemImpl system;
    private final long id;
    private final String name;
    private final ActorCell<?> parent;
    private final MailboxQueue mailbox;
    private final CellContext<M> context;
    /** Set once by the system before the cell is first scheduled. */
    private TurnScheduler scheduler;

    @SuppressWarnings("unused") // accessed through SCHED
    private volatile int schedState = SCHEDULED;
    private volatile int lifecycle = NEW;
    @SuppressWarnings("unused") // accessed through RUNNER
    private volatile Object runner;
    @SuppressWarnings("unused") // accessed through CONTROL
    private volatile ConcurrentLinkedQueue<Control> control;
    private volatile boolean killRequested;
    /** Set once, before the cell is published, for a task (io.heddle.task): for inspection. */
    private boolean task;
    @SuppressWarnings("unused") // accessed through EXTRAS
    private volatile CellExtras<M> extras;

    // Actor thread only.
    private Behavior<M> behavior;
    private Actor<?> classActor;
    private Envelope current;
    private ExitReason pendingExit;

    // Guarded by the system's ActorTable lock.
    ActorCell<?> prevSibling;
    ActorCell<?> nextSibling;

    ActorCell(SystemImpl system, long id, String name, ActorCell<?> parent, MailboxQueue mailbox,
              Behavior<M> initial) {
        this.system = system;
        this.id = id;
        this.name = name;
        this.parent = parent;
        this.mailbox = mailbox;
        this.behavior = initial;
        this.context = new CellContext<>(this);
        if (initial instanceof Actor<M> actor && !ActorAccess.get().bind(actor, context)) {
            throw new IllegalStateException(actor.getClass().getName() + " instance was spawned before: an Actor "
                    + "instance belongs to one actor; spawn a new instance (supervisors take a factory for this)");
        }
    }

    /** Returns the cell behind {@code ref}: every ActorRef is one. */
    static ActorCell<?> of(ActorRef<?> ref) {
        return (ActorCell<?>) Objects.requireNonNull(ref, "ref");
    }

    void setScheduler(TurnScheduler scheduler) {
        this.scheduler = scheduler;
    }

    // ------------------------------------------------------------------------------------------------ ActorRef

    @Override
    public Pid pid() {
        return new Pid(id, 0);
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** A scheduling point before a client's send, in a simulation (see {@link SystemRuntime#yieldAtSends()}). */
    private void yieldIfSimulated() {
        if (system.yieldAtSends && Carrier.current() == null) Thread.yield();
    }

    @Override
    public void cast(M message) {
        yieldIfSimulated();
        Envelope envelope = new Envelope(requireMessage(message, "cast"), null);
        int outcome = deliver(envelope, system.sendTimeoutNanos());
        if (outcome != MailboxQueue.OK) deadLetter(envelope, undeliveredReason(outcome));
    }

    @Override
    public SendResult<M> tryCast(M message) {
        return trySend(message, 0);
    }

    @Override
    public SendResult<M> tryCast(M message, Duration timeout) {
        return trySend(message, Objects.requireNonNull(timeout, "timeout").toNanos());
    }

    private SendResult<M> trySend(M message, long waitNanos) {
        yieldIfSimulated();
        Envelope envelope = new Envelope(requireMessage(message, "tryCast"), null);
        int outcome = deliver(envelope, waitNanos);
        if (outcome == INTERCEPTED) deadLetter(envelope, DeadLetter.Reason.INJECTED_FAULT);
        return switch (outcome) {
            case MailboxQueue.OK, INTERCEPTED -> new SendResult.Delivered<>();
            case DROPPED -> new SendResult.Dropped<>(message);
            case MailboxQueue.FULL -> new SendResult.Full<>(message);
            default -> new SendResult.Dead<>(message);
        };
    }

    @Override
    public <R> R call(Function<ReplyTo<R>, ? extends M> request) {
        return call(request, system.config().callTimeout());
    }

    @Override
    public <R> R call(Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (Carrier.currentCell() == this) {
            throw new IllegalStateException(this + " called itself: the call would wait for a reply only this actor "
                    + "could send, after the handler returns. Handle the request directly or cast to self.");
        }
        RuntimeClock clock = system.clock();
        long start = clock.nanoTime();
        long end = saturatedAdd(start, timeout.toNanos());
        Object scope = (Scopes.CURRENT.isBound() ? Scopes.CURRENT.get() : null);
        long scopeDeadline = scope == null ? Long.MAX_VALUE : scopeDeadline(scope, clock);
        boolean deadlineBound = scopeDeadline < end;
        if (deadlineBound) end = scopeDeadline;
        PendingReply<R> reply = send(request, start, end - start, false, scope, scopeDeadline);
        reply.deadlineBound = deadlineBound;
        return reply.await(end);
    }

    /** Runs one turn of this actor on the calling thread; the caller has moved it from IDLE to SCHEDULED. */
    private void runTurnInline() {
        boolean callerInterrupted = Thread.interrupted(); // the caller's, not the actor's: kept aside, then restored
        InlineCarrier carrier = new InlineCarrier(this);
        try {
            runTurn();
        } finally {
            carrier.release();
            if (callerInterrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns the deadline of the caller's scope on {@code clock}, or fails the call at once if the scope is cancelled
     * (which includes a deadline that has passed).
     */
    private long scopeDeadline(Object scope, RuntimeClock clock) {
        Scopes.Access access = Scopes.access();
        String cancelled = access.cancelReason(scope);
        if (cancelled != null) {
            throw new CancelledException("call to " + this + " not made: its CancellationScope is cancelled ("
                    + cancelled + ")");
        }
        return access.deadlineOn(scope, clock);
    }

    @Override
    public <R> CompletableFuture<R> callAsync(Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        RuntimeClock clock = system.clock();
        long start = clock.nanoTime();
        long wait = timeout.toNanos();
        Object scope = (Scopes.CURRENT.isBound() ? Scopes.CURRENT.get() : null);
        long scopeDeadline = scope == null ? Long.MAX_VALUE : scopeDeadline(scope, clock);
        boolean deadlineBound = scopeDeadline - start < wait;
        if (deadlineBound) wait = scopeDeadline - start;
        PendingReply<R> reply = send(request, start, 0, true, scope, scopeDeadline);
        reply.deadlineBound = deadlineBound;
        reply.armTimeout(clock, wait);
        return reply.future();
    }

    /** Builds and sends a request; failures to deliver settle the reply, which the caller then reports. */
    private <R> PendingReply<R> send(Function<ReplyTo<R>, ? extends M> request, long start, long waitNanos,
                                     boolean async, Object scope, long scopeDeadline) {
        Objects.requireNonNull(request, "request");
        yieldIfSimulated();
        system.checkRunning("call " + this);
        PendingReply<R> reply = new PendingReply<>(this, start, async);
        reply.scoped = scope != null;
        reply.deadline = scopeDeadline;
        M message = request.apply(reply);
        if (message == null) {
            throw new NullPointerException("the request factory passed to call " + this + " returned null; it must "
                    + "return the request message, for example call(Get::new)");
        }
        reply.requestType(message.getClass());
        Envelope envelope = new Envelope(message, reply);
        int outcome = deliver(envelope, waitNanos);
        if (outcome != MailboxQueue.OK) deadLetter(envelope, undeliveredReason(outcome));
        return reply;
    }

    @Override
    public void stop() {
        stop(ExitReason.SHUTDOWN);
    }

    /**
     * Asks the actor to stop with {@code reason}, and if it is an idle dispatcher actor whose termination runs no user
     * code (no terminate hooks, no class-style actor, no children), stops it right here on the calling thread: a
     * graceful shutdown of a million idle actors then wakes no thread per actor. An actor whose termination runs user
     * code stops on its own turn, so that the stopper's timeout and kill still apply to it.
     */
    void stopNow(ExitReason reason) {
        stop(reason, scheduler instanceof Dispatcher);
    }

    /** Asks the actor to stop with {@code reason}; public for the test kit's fault injection. */
    public void stop(ExitReason reason) {
        stop(reason, false);
    }

    private void stop(ExitReason reason, boolean inlineIfIdle) {
        CellExtras<M> x = extras;
        Runnable hook = x == null ? null : x.stopHook;
        if (hook != null) hook.run();
        if (!inlineIfIdle) {
            sendControl(new Control.Stop(reason));
            return;
        }
        if (lifecycle == DEAD) return;
        controlLane().offer(new Control.Stop(reason));
        if (schedState == IDLE && SCHED.compareAndSet(this, IDLE, SCHEDULED)) {
            if (terminatesWithoutUserCode()) runTurnInline();
            else scheduler.schedule(this);
        } else {
            signalWork();
        }
    }

    /** Owner of the turn only (after moving it to SCHEDULED): true if terminating would run no user code. */
    private boolean terminatesWithoutUserCode() {
        CellExtras<M> x = extras;
        return classActor == null && (x == null || (x.terminateHooks == null && x.firstChild == null
                && x.childStopper == null));
    }

    @Override
    public void kill() {
        if (lifecycle == DEAD) return;
        killRequested = true;
        sendControl(Control.KILL);
        interruptRunner();
    }

    @Override
    public boolean isAlive() {
        return lifecycle != DEAD;
    }

    @Override
    public CompletableFuture<ExitReason> termination() {
        CellExtras<M> x = extras();
        CompletableFuture<ExitReason> future = x.terminationFuture();
        // Only once termination has finished (mailbox drained, replies failed): the exit reason alone is set earlier.
        if (x.terminated) future.complete(x.exitReason);
        return future;
    }

    @Override
    public Health health() {
        CellExtras<M> x = extras;
        if (lifecycle >= STOPPING) {
            ExitReason reason = x == null ? null : x.exitReason;
            return Health.unhealthy(reason == null ? "stopping" : "stopped: " + reason);
        }
        if (x == null) return Health.HEALTHY;
        Supplier<Health> source = x.healthSource;
        if (source != null) return source.get();
        Health h = x.health;
        return h == null ? Health.HEALTHY : h;
    }

    @Override
    public WeakActorRef<M> weak() {
        return new WeakActorRef<>(this);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return name == null ? pid().toString() : name + pid();
    }

    // ------------------------------------------------------------------------------------------------ sending

    private static final int DROPPED = 3;
    /** Dropped by the test kit's fault injection: to the sender it looks delivered. */
    private static final int INTERCEPTED = 4;

    /**
     * Puts {@code envelope} in the mailbox and makes sure a turn will run, waiting up to {@code waitNanos} for space
     * in a full fixed mailbox. Returns {@link MailboxQueue#OK}, {@link MailboxQueue#FULL}, {@link #DROPPED} or
     * {@link MailboxQueue#CLOSED}.
     */
    private int deliver(Envelope envelope, long waitNanos) {
        DeliveryInterceptor interceptor = system.interceptor;
        if (interceptor != null) {
            switch (interceptor.intercept(this, envelope.message)) {
                case DeliveryInterceptor.Verdict.Deliver d -> { }
                case DeliveryInterceptor.Verdict.Drop d -> {
                    return INTERCEPTED;
                }
                case DeliveryInterceptor.Verdict.Delay(long nanos) -> {
                    system.clock().schedule(nanos, () -> {
                        int outcome = deliverDirect(envelope, 0);
                        if (outcome != MailboxQueue.OK) deadLetter(envelope, undeliveredReason(outcome));
                    });
                    return MailboxQueue.OK;
                }
            }
        }
        return deliverDirect(envelope, waitNanos);
    }

    private int deliverDirect(Envelope envelope, long waitNanos) {
        int outcome = mailbox.offer(envelope, this);
        if (outcome == MailboxQueue.FULL) {
            if (mailbox.dropsWhenFull()) return DROPPED;
            if (waitNanos > 0) outcome = offerWaiting(envelope, waitNanos);
        }
        if (outcome == MailboxQueue.OK) signalWork();
        return outcome;
    }

    private int offerWaiting(Envelope envelope, long waitNanos) {
        RuntimeClock clock = system.clock();
        long deadline = saturatedAdd(clock.nanoTime(), waitNanos);
        Thread me = Thread.currentThread();
        Carrier blocked = null;
        try {
            for (;;) {
                mailbox.registerWaiter(me);
                int outcome = mailbox.offer(envelope, this);
                if (outcome != MailboxQueue.FULL) {
                    mailbox.removeWaiter(me);
                    return outcome;
                }
                long remaining = deadline - clock.nanoTime();
                if (remaining <= 0) {
                    mailbox.removeWaiter(me);
                    return MailboxQueue.FULL;
                }
                if (blocked == null) blocked = Carrier.beginBlocking();
                clock.parkNanos(this, remaining);
                mailbox.removeWaiter(me);
                if (Thread.interrupted()) {
                    me.interrupt();
                    throw new ActorInterruptedException("interrupted while waiting for space in the mailbox of "
                            + this + " to send " + envelope.message.getClass().getSimpleName());
                }
            }
        } finally {
            Carrier.endBlocking(blocked);
        }
    }

    private static DeadLetter.Reason undeliveredReason(int outcome) {
        return switch (outcome) {
            case MailboxQueue.FULL -> DeadLetter.Reason.MAILBOX_FULL;
            case DROPPED -> DeadLetter.Reason.DROPPED;
            case INTERCEPTED -> DeadLetter.Reason.INJECTED_FAULT;
            default -> DeadLetter.Reason.RECIPIENT_STOPPED;
        };
    }

    /** Makes sure a turn will see the new work. Called by senders after a successful enqueue. */
    private void signalWork() {
        int state = schedState;
        if (state == IDLE) {
            if (SCHED.compareAndSet(this, IDLE, SCHEDULED)) scheduler.schedule(this);
        } else if (state == WAITING) {
            if (runner instanceof Thread t) LockSupport.unpark(t);
        }
    }

    private void sendControl(Control message) {
        if (lifecycle == DEAD) return;
        controlLane().offer(message);
        signalWork();
    }

    private ConcurrentLinkedQueue<Control> controlLane() {
        ConcurrentLinkedQueue<Control> lane = control;
        if (lane == null) {
            lane = new ConcurrentLinkedQueue<>();
            if (!CONTROL.compareAndSet(this, null, lane)) lane = control;
        }
        return lane;
    }

    /** Called on the timer thread: enqueue without waiting, dead-letter if that fails. */
    void deliverTimer(Object message, TimerHandle handle) {
        Envelope envelope = new Envelope(message, handle);
        int outcome = deliverDirect(envelope, 0);
        if (outcome != MailboxQueue.OK) deadLetter(envelope, undeliveredReason(outcome));
    }

    /** Publishes an undelivered envelope, and fails its call if it was one. */
    void deadLetter(Envelope envelope, DeadLetter.Reason reason) {
        Object meta = envelope.meta;
        if (meta instanceof TimerHandle timer && timer.isCancelled()) return; // cancelled on purpose: not a loss
        // A call lost to an injected fault is not failed: its caller finds out by its timeout, as over a network.
        if (meta instanceof PendingReply<?> reply && reason != DeadLetter.Reason.INJECTED_FAULT) {
            reply.undelivered(reason, exitReasonOrNull());
        }
        system.deadLetterOffice().publish(pid(), name, envelope.message, reason);
    }

    void lateReply(Object value) {
        system.deadLetterOffice().publish(pid(), name, value, DeadLetter.Reason.LATE_REPLY);
    }

    // ------------------------------------------------------------------------------------------------ turn

    /** Runs one turn: init if needed, then control messages and up to {@code throughput} user messages. */
    void runTurn() {
        Thread me = Thread.currentThread();
        runner = me;
        try {
            if (lifecycle == NEW && !initialize()) return;
            int budget = system.throughput();
            while (lifecycle == RUNNING) {
                if (killRequested) {
                    terminate(ExitReason.KILLED);
                    break;
                }
                ConcurrentLinkedQueue<Control> lane = control;
                Control signal = lane == null ? null : lane.poll();
                if (signal != null) {
                    handleControl(signal);
                    if (pendingExit != null) terminate(pendingExit);
                    continue;
                }
                if (budget-- == 0) break;
                Envelope envelope = nextEnvelope();
                if (envelope == null) break;
                handle(envelope);
                if (pendingExit != null) terminate(pendingExit);
            }
        } catch (Throwable bug) {
            LOG.log(Level.ERROR, "internal error in the turn of " + this + "; stopping it", bug);
            if (lifecycle != DEAD) terminate(ExitReason.error(bug));
        } finally {
            CellExtras<M> x = extras;
            if (x != null && x.deferredReplies != null) x.pruneDeferredReplies();
            releaseRunner(me);
            afterTurn();
        }
    }

    private void releaseRunner(Thread me) {
        if (!RUNNER.compareAndSet(this, me, null)) {
            while (runner == INTERRUPTING) Thread.onSpinWait();
            runner = null;
        }
        // An interrupt aimed at this actor's handler must not reach the next actor run on this thread.
        Thread.interrupted();
    }

    private void afterTurn() {
        if (lifecycle == DEAD) {
            schedState = TERMINATED;
            return;
        }
        schedState = IDLE;
        if (hasWork() && SCHED.compareAndSet(this, IDLE, SCHEDULED)) scheduler.yieldTurn(this);
    }

    private boolean hasWork() {
        ConcurrentLinkedQueue<Control> lane = control;
        if (lane != null && !lane.isEmpty()) return true;
        CellExtras<M> x = extras;
        if (x != null && x.pending != null && !x.pending.isEmpty()) return true;
        return mailbox.hasPending();
    }

    private Envelope nextEnvelope() {
        CellExtras<M> x = extras;
        if (x != null && x.pending != null) {
            Envelope saved = x.pending.pollFirst();
            if (saved != null) return saved;
        }
        return mailbox.poll();
    }

    private void handleControl(Control signal) {
        switch (signal) {
            case Control.Stop(ExitReason reason) -> terminate(reason);
            case Control.Kill k -> terminate(ExitReason.KILLED);
            case Control.Exit exit -> {
                if (!exit.unconditional() && !system.table().consumeLink(this, exit.from())) return;
                CellExtras<M> x = extras;
                Function<? super ExitSignal, ?> trap = x == null ? null : x.exitTrap;
                if (trap != null) {
                    deliverSignal(exit, () -> trap.apply(new ExitSignal(exit.from(), exit.reason())));
                } else if (exit.reason().isAbnormal()) {
                    terminate(ExitReason.linked(exit.from().pid(), exit.reason()));
                }
            }
            case Control.Down down -> {
                CellExtras.Monitoring m = takeMonitoring(down.monitor());
                if (m != null) {
                    deliverSignal(down, () -> m.adapter().apply(new Down(down.monitor(), down.target(),
                            down.reason())));
                }
            }
        }
    }

    private CellExtras.Monitoring takeMonitoring(MonitorRef ref) {
        CellExtras<M> x = extras;
        return x == null || x.monitoring == null ? null : x.monitoring.remove(ref);
    }

    /** Hands an exit signal or down notice, turned into a message by the actor's adapter, to its behavior. */
    private void deliverSignal(Control signal, Supplier<Object> adapt) {
        Object message;
        try {
            message = adapt.get();
            if (message == null) {
                throw new NullPointerException("the adapter given to " + (signal instanceof Control.Down ? "monitor"
                        : "trapExits") + " returned null for " + signal + "; it must return a message");
            }
        } catch (Throwable failure) {
            crash(failure, signal);
            return;
        }
        handle(new Envelope(message, null));
    }

    /**
     * For selective receive: takes the exit signals and down notices this actor would handle as messages out of the
     * control lane, in order, and returns them as messages. Stop, kill and exits that would stop the actor stay.
     */
    private List<Object> signalMessages() {
        ConcurrentLinkedQueue<Control> lane = control;
        if (lane == null || lane.isEmpty()) return List.of();
        List<Object> messages = new ArrayList<>(2);
        for (Iterator<Control> it = lane.iterator(); it.hasNext(); ) {
            Control signal = it.next();
            if (signal instanceof Control.Down down) {
                it.remove();
                CellExtras.Monitoring m = takeMonitoring(down.monitor());
                if (m != null) {
                    messages.add(Objects.requireNonNull(m.adapter().apply(new Down(down.monitor(), down.target(),
                            down.reason())), "the adapter given to monitor returned null"));
                }
            } else if (signal instanceof Control.Exit exit) {
                CellExtras<M> x = extras;
                Function<? super ExitSignal, ?> trap = x == null ? null : x.exitTrap;
                if (trap == null) continue;
                it.remove();
                if (!exit.unconditional() && !system.table().consumeLink(this, exit.from())) continue;
                messages.add(Objects.requireNonNull(trap.apply(new ExitSignal(exit.from(), exit.reason())),
                        "the adapter given to trapExits returned null"));
            }
        }
        return messages;
    }

    /**
     * For a dispatcher actor whose behavior is a plain function (no setup factory, no class-style init), there is
     * nothing to run before the first message: the actor starts running and idle, and no turn is scheduled at spawn.
     * A million spawns then cost a million allocations, not a million turns. Call before the cell is published.
     */
    void startWithoutInitIfTrivial() {
        Behavior<M> b = behavior;
        if (b instanceof SetupBehavior || b instanceof Actor || b instanceof SpecialBehavior) return;
        lifecycle = RUNNING;
        schedState = IDLE;
        CellExtras<M> x = extras;
        if (x != null && x.started != null) x.started.complete(null);
    }

    /** True if {@link #startWithoutInitIfTrivial()} started the actor. */
    boolean startedWithoutInit() {
        return lifecycle == RUNNING;
    }

    private boolean initialize() {
        try {
            behavior = resolve(behavior);
        } catch (Throwable failure) {
            CellExtras<M> x = extras;
            if (x != null && x.started != null) x.started.completeExceptionally(failure);
            LOG.log(Level.WARNING, "actor " + this + " failed to start", failure);
            terminate(ExitReason.error(failure), false);
            return false;
        }
        lifecycle = RUNNING;
        CellExtras<M> x = extras;
        if (x != null && x.started != null) x.started.complete(null);
        if (pendingExit != null) terminate(pendingExit);
        return lifecycle == RUNNING;
    }

    /** Turns a behavior into one that can receive: runs setup factories, binds and inits class-style actors. */
    @SuppressWarnings("unchecked")
    private Behavior<M> resolve(Behavior<M> candidate) throws Exception {
        Behavior<M> b = candidate;
        for (int depth = 0; ; depth++) {
            if (depth > 100) throw new IllegalStateException("setup behaviors nested more than 100 deep");
            if (b == null) {
                throw new NullPointerException("a behavior of " + this + " returned null; return Behaviors.same() to "
                        + "keep the current behavior");
            }
            if (b instanceof SetupBehavior<M> setup) {
                b = setup.factory().apply(context);
            } else if (b instanceof Actor<M> actor) {
                if (actor != candidate || lifecycle != NEW) {
                    if (!ActorAccess.get().bind(actor, context)) {
                        throw new IllegalStateException(actor.getClass().getName() + " instance already belongs to "
                                + "an actor; become a fresh instance");
                    }
                }
                ActorAccess.get().init(actor);
                if (classActor == null) classActor = actor;
                else addTerminateHook(reason -> terminateClassActor(actor, reason));
                return b;
            } else if (b instanceof SpecialBehavior special) {
                if (special == SpecialBehavior.STOPPED) {
                    requestExit(ExitReason.NORMAL);
                    return behavior instanceof SpecialBehavior || behavior instanceof SetupBehavior
                            ? (Behavior<M>) (Behavior<?>) SpecialBehavior.SAME : behavior;
                }
                throw new IllegalStateException("Behaviors." + special.name().toLowerCase() + "() cannot be the "
                        + "behavior an actor starts with");
            } else {
                return b;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void handle(Envelope envelope) {
        Object meta = envelope.meta;
        if (meta instanceof TimerHandle timer) {
            if (timer.isCancelled()) {
                envelope.clear();
                return;
            }
            if (!timer.periodic) removeTimer(timer);
        }
        current = envelope;
        M message = (M) envelope.message;
        Behavior<M> next;
        try {
            if (meta instanceof PendingReply<?> call && call.scoped) {
                // The caller's scope travels with the call: the handler's own calls are bounded by its deadline, and
                // its scope reads as cancelled once the caller gives up.
                Object scope = Scopes.access().forCall(system.clock(), call.deadline, call::isAbandoned);
                Behavior<M> b = behavior;
                next = ScopedValue.where(Scopes.CURRENT, scope).call(() -> b.receive(context, message));
            } else {
                next = behavior.receive(context, message);
            }
        } catch (Throwable failure) {
            current = null;
            if (failure instanceof CancelledException && meta instanceof PendingReply<?> call && call.isAbandoned()) {
                // The handler stopped working for a caller that had given up: the call is over, the actor is fine.
                envelope.clear();
                return;
            }
            if (meta instanceof PendingReply<?> reply) reply.handlerFailed(failure);
            crash(failure, message);
            return;
        }
        boolean stashed = current == null;
        current = null;
        if (next != SpecialBehavior.SAME && next != behavior) {
            if (next == SpecialBehavior.UNHANDLED) {
                if (!stashed) deadLetter(envelope, DeadLetter.Reason.UNHANDLED);
                return;
            }
            if (next == SpecialBehavior.STOPPED) {
                requestExit(ExitReason.NORMAL);
            } else {
                try {
                    behavior = resolve(next);
                } catch (Throwable failure) {
                    crash(failure, message);
                    return;
                }
            }
        }
        if (stashed) return;
        if (meta instanceof PendingReply<?> reply && !reply.isDone()) extras().deferReply(reply);
        envelope.clear();
    }

    private void crash(Throwable failure, Object message) {
        if (killRequested) {
            terminate(ExitReason.KILLED);
            return;
        }
        LOG.log(Level.WARNING, "actor " + this + " crashed handling " + message.getClass().getSimpleName(), failure);
        terminate(ExitReason.error(failure));
    }

    /** The actor asked to stop itself: it stops once the current message is handled. */
    void requestExit(ExitReason reason) {
        if (pendingExit == null) pendingExit = reason;
    }

    // ------------------------------------------------------------------------------------------------ termination

    private void terminate(ExitReason reason) {
        terminate(reason, true);
    }

    private void terminate(ExitReason reason, boolean runHooks) {
        if (lifecycle >= STOPPING) return;
        lifecycle = STOPPING;
        CellExtras<M> x = extras;
        if (x != null && x.timers != null) {
            x.timers.forEach(TimerHandle::cancel);
            x.timers = null;
        }
        boolean killed = reason instanceof ExitReason.Killed;
        stopChildren(killed);
        if (runHooks && !killed) runTerminateHooks(reason);

        x = extras();
        x.exitReason = reason;
        lifecycle = DEAD;
        mailbox.closeAndDrain(e -> deadLetter(e, DeadLetter.Reason.RECIPIENT_STOPPED));
        drainToDeadLetters(x.pending);
        drainToDeadLetters(x.stash);
        x.pending = null;
        x.stash = null;
        ConcurrentLinkedQueue<Control> lane = control;
        if (lane != null) lane.clear();
        if (x.deferredReplies != null) {
            for (PendingReply<?> reply : x.deferredReplies) {
                reply.undelivered(DeadLetter.Reason.RECIPIENT_STOPPED, reason);
            }
            x.deferredReplies = null;
        }
        ActorTable.Departure departure = system.table().remove(this);
        behavior = null;
        classActor = null;
        x.behaviorStack = null;
        x.terminateHooks = null;
        x.monitoring = null;
        x.exitTrap = null;
        x.childStopper = null;
        x.healthSource = null;
        for (ActorCell<?> peer : departure.links()) peer.sendControl(new Control.Exit(this, reason, false));
        departure.watchers().forEach((ref, watcher) -> watcher.sendControl(new Control.Down(ref, this, reason)));
        // Written before the future is read, as termination() creates the future before reading it (Dekker): one of
        // the two completes it, never neither.
        x.terminated = true;
        CompletableFuture<ExitReason> future = x.termination;
        if (future != null) future.complete(reason);
        if (x.started != null) {
            x.started.completeExceptionally(new IllegalStateException("stopped before init completed: " + reason));
        }
    }

    private void drainToDeadLetters(ArrayDeque<Envelope> envelopes) {
        if (envelopes == null) return;
        Envelope e;
        while ((e = envelopes.pollFirst()) != null) deadLetter(e, DeadLetter.Reason.RECIPIENT_STOPPED);
    }

    private void stopChildren(boolean killed) {
        CellExtras<M> x = extras;
        if (!killed && x != null && x.childStopper != null) {
            try {
                x.childStopper.run();
            } catch (Throwable failure) {
                LOG.log(Level.ERROR, "stopping the children of " + this + " failed; stopping the rest by default",
                        failure);
            }
        }
        List<ActorCell<?>> children = system.childrenNewestFirst(this);
        Duration timeout = system.config().shutdownTimeout();
        for (ActorCell<?> child : children) {
            if (killed) child.kill();
            else system.stopAndAwait(child, ExitReason.SHUTDOWN, timeout);
        }
    }

    private void runTerminateHooks(ExitReason reason) {
        if (classActor != null) terminateClassActor(classActor, reason);
        CellExtras<M> x = extras;
        if (x == null || x.terminateHooks == null) return;
        ArrayList<Consumer<ExitReason>> hooks = x.terminateHooks;
        for (int i = hooks.size() - 1; i >= 0; i--) {
            try {
                hooks.get(i).accept(reason);
            } catch (Throwable failure) {
                LOG.log(Level.WARNING, "a terminate hook of " + this + " threw; ignored", failure);
            }
        }
    }

    private void terminateClassActor(Actor<?> actor, ExitReason reason) {
        try {
            ActorAccess.get().terminate(actor, reason);
        } catch (Throwable failure) {
            LOG.log(Level.WARNING, "terminate(" + reason + ") of " + this + " threw; ignored", failure);
        }
    }

    private void interruptRunner() {
        Object r = runner;
        if (r instanceof Thread t && RUNNER.compareAndSet(this, t, INTERRUPTING)) {
            try {
                t.interrupt();
            } finally {
                runner = t;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ context

    /** Fails unless called from the thread running this actor's turn. */
    void checkOwner(String operation) {
        Object r = runner;
        while (r == INTERRUPTING) {
            Thread.onSpinWait();
            r = runner;
        }
        if (r != Thread.currentThread()) {
            throw new IllegalStateException("ActorContext." + operation + "() of " + this + " was called from "
                    + Thread.currentThread() + ", outside the actor's own handler. Use the context only inside "
                    + "init, handlers and setup; from elsewhere, send the actor a message.");
        }
    }

    void become(Behavior<M> next) {
        ArrayDeque<Behavior<M>> stack = extras().behaviorStack();
        Behavior<M> resolved;
        try {
            resolved = resolve(next);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("become(" + next + ") failed to set up", e);
        }
        stack.push(behavior);
        behavior = resolved;
    }

    void unbecome() {
        CellExtras<M> x = extras;
        if (x == null || x.behaviorStack == null || x.behaviorStack.isEmpty()) {
            throw new IllegalStateException("unbecome() on " + this + " with nothing to go back to: every unbecome "
                    + "must follow a become");
        }
        behavior = x.behaviorStack.pop();
    }

    void link(ActorCell<?> other) {
        if (other == this) throw new IllegalArgumentException(this + " cannot link to itself");
        if (other.system() != system) {
            throw new IllegalArgumentException("cannot link " + this + " to " + other + ": links join actors of one "
                    + "system; monitor an actor of another system instead");
        }
        if (!system.table().link(this, other)) sendControl(new Control.Exit(other, ExitReason.NOPROC, true));
    }

    void unlink(ActorCell<?> other) {
        if (other.system() == system) system.table().unlink(this, other);
    }

    void trapExits(Function<? super ExitSignal, ? extends M> adapter) {
        extras().exitTrap = adapter;
    }

    MonitorRef monitor(ActorCell<?> target, Function<? super Down, ? extends M> adapter) {
        if (target == this) throw new IllegalArgumentException(this + " cannot monitor itself");
        MonitorRef ref = system.newMonitorRef(target.pid());
        CellExtras<M> x = extras();
        if (x.monitoring == null) x.monitoring = new HashMap<>(4);
        x.monitoring.put(ref, new CellExtras.Monitoring(target, adapter));
        if (!target.system().table().addWatcher(target, ref, this)) {
            sendControl(new Control.Down(ref, target, ExitReason.NOPROC));
        }
        return ref;
    }

    boolean demonitor(MonitorRef ref) {
        CellExtras.Monitoring m = takeMonitoring(ref);
        if (m == null) return false;
        m.target().system().table().removeWatcher(m.target(), ref);
        return true;
    }

    void reportHealth(Health health) {
        extras().health = health;
    }

    Cancellable startTimer(M message, Duration delay, boolean periodic) {
        requireMessage(message, periodic ? "sendInterval" : "sendAfter");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || (periodic && delay.isZero())) {
            throw new IllegalArgumentException((periodic ? "interval" : "delay") + " must be "
                    + (periodic ? "positive" : "zero or positive") + ", got " + delay);
        }
        TimerHandle handle = new TimerHandle(this, message, periodic);
        java.util.HashSet<TimerHandle> timers = extras().timers();
        if (timers.size() >= 64) timers.removeIf(TimerHandle::isCancelled);
        timers.add(handle);
        long nanos = delay.toNanos();
        handle.arm(periodic ? system.clock().scheduleAtFixedRate(nanos, nanos, handle)
                : system.clock().schedule(nanos, handle));
        return handle;
    }

    private void removeTimer(TimerHandle timer) {
        CellExtras<M> x = extras;
        if (x != null && x.timers != null) x.timers.remove(timer);
    }

    void stashCurrent() {
        Envelope e = current;
        if (e == null) {
            throw new IllegalStateException("stash() on " + this + " outside a message handler, or twice for one "
                    + "message");
        }
        extras().stash().addLast(e);
        current = null;
    }

    void unstashAll() {
        CellExtras<M> x = extras;
        if (x == null || x.stash == null || x.stash.isEmpty()) return;
        ArrayDeque<Envelope> pending = x.pending();
        Iterator<Envelope> newestFirst = x.stash.descendingIterator();
        while (newestFirst.hasNext()) pending.addFirst(newestFirst.next());
        x.stash.clear();
    }

    int stashSize() {
        CellExtras<M> x = extras;
        return x == null || x.stash == null ? 0 : x.stash.size();
    }

    void addTerminateHook(Consumer<ExitReason> hook) {
        extras().terminateHooks().add(hook);
    }

    @SuppressWarnings("unchecked")
    Optional<M> selectiveReceive(Predicate<? super M> matcher, Duration timeout) {
        ArrayDeque<Envelope> pending = extras().pending();
        for (Iterator<Envelope> it = pending.iterator(); it.hasNext(); ) {
            Envelope e = it.next();
            if (isCancelledTimer(e)) {
                it.remove();
            } else if (matcher.test((M) e.message)) {
                it.remove();
                return Optional.of(take(e));
            }
        }
        RuntimeClock clock = system.clock();
        long deadline = saturatedAdd(clock.nanoTime(), timeout.toNanos());
        Object scope = (Scopes.CURRENT.isBound() ? Scopes.CURRENT.get() : null);
        if (scope != null) deadline = Math.min(deadline, Scopes.access().deadlineOn(scope, clock)); // bounded too
        Carrier blocked = null;
        try {
            for (;;) {
                for (Object signal : signalMessages()) {
                    if (matcher.test((M) signal)) {
                        return Optional.of((M) signal);
                    }
                    pending.addLast(new Envelope(signal, null));
                }
                Envelope e;
                while ((e = mailbox.poll()) != null) {
                    if (isCancelledTimer(e)) continue;
                    if (matcher.test((M) e.message)) return Optional.of(take(e));
                    pending.addLast(e);
                }
                if (killRequested) throw interruptedReceive();
                long remaining = deadline - clock.nanoTime();
                if (remaining <= 0) return Optional.empty();
                schedState = WAITING;
                if (mailbox.hasPending() || killRequested || hasSignals()) {
                    schedState = SCHEDULED;
                    continue;
                }
                if (blocked == null) blocked = Carrier.beginBlocking();
                clock.parkNanos(this, remaining);
                schedState = SCHEDULED;
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw interruptedReceive();
                }
            }
        } finally {
            schedState = SCHEDULED;
            Carrier.endBlocking(blocked);
        }
    }

    private boolean hasSignals() {
        ConcurrentLinkedQueue<Control> lane = control;
        if (lane == null) return false;
        for (Control c : lane) {
            if (c instanceof Control.Down || c instanceof Control.Exit) return true;
        }
        return false;
    }

    private ActorInterruptedException interruptedReceive() {
        return new ActorInterruptedException("selective receive in " + this + " was interrupted"
                + (killRequested ? ": the actor is being killed" : ""));
    }

    private static boolean isCancelledTimer(Envelope e) {
        return e.meta instanceof TimerHandle timer && timer.isCancelled();
    }

    /** Hands a message taken by selective receive to the handler; a call in it is now the handler's to answer. */
    @SuppressWarnings("unchecked")
    private M take(Envelope e) {
        M message = (M) e.message;
        if (e.meta instanceof PendingReply<?> reply) extras().deferReply(reply);
        else if (e.meta instanceof TimerHandle timer && !timer.periodic) removeTimer(timer);
        e.clear();
        return message;
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    /** Returns the actor's system; public for the task package. */
    public SystemImpl system() {
        return system;
    }

    RuntimeClock clock() {
        return system.clock();
    }

    ActorCell<?> parent() {
        return parent;
    }

    long id() {
        return id;
    }

    int mailboxSize() {
        return mailbox.size();
    }

    int mailboxCapacity() {
        return mailbox.capacity();
    }

    /** For the dispatcher's runNext decision; called only by the thread running this actor. */
    boolean mailboxLooksEmpty() {
        return mailbox.isEmpty();
    }

    boolean isTerminated() {
        return lifecycle == DEAD;
    }

    void markTask() {
        task = true;
    }

    /** Returns true for a task's cell. */
    public boolean isTask() {
        return task;
    }

    /** True once the actor has begun to terminate. */
    boolean isStopping() {
        return lifecycle >= STOPPING;
    }

    /** Sets what stops this actor's children when it terminates; actor thread only. */
    void childStopper(Runnable stopper) {
        extras().childStopper = stopper;
    }

    /** Makes this actor's health computed by {@code source}; actor thread only. */
    void healthSource(Supplier<Health> source) {
        extras().healthSource = source;
    }

    ExitReason exitReasonOrNull() {
        CellExtras<M> x = extras;
        return x == null ? null : x.exitReason;
    }

    /** Arranges for {@code started} to complete when init has run; call before the cell is scheduled. */
    void onStarted(CompletableFuture<Void> started) {
        extras().started = started;
    }

    CellExtras<M> extrasIfPresent() {
        return extras;
    }

    @SuppressWarnings("unchecked")
    CellExtras<M> extras() {
        CellExtras<M> x = extras;
        if (x == null) {
            x = new CellExtras<>();
            if (!EXTRAS.compareAndSet(this, null, x)) x = (CellExtras<M>) EXTRAS.getVolatile(this);
        }
        return x;
    }

    private <T> T requireMessage(T message, String operation) {
        if (message == null) {
            throw new NullPointerException("message must not be null (" + operation + " to " + this + "); send a "
                    + "record, for example an empty one, to signal an event without data");
        }
        return message;
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
