package io.heddle.internal.cell;

import io.heddle.internal.call.Chains;
import io.heddle.internal.call.PendingReply;
import io.heddle.internal.dispatch.Dispatcher;
import io.heddle.internal.dispatch.InlineRunner;
import io.heddle.internal.dispatch.TurnRunner;
import io.heddle.internal.dispatch.TurnScheduler;
import io.heddle.internal.mailbox.Envelope;
import io.heddle.internal.mailbox.MailboxQueue;
import io.heddle.internal.observe.Observers;
import io.heddle.internal.observe.Traced;
import io.heddle.internal.routing.Handover;
import io.heddle.internal.sched.CellScheduling;
import io.heddle.internal.sched.HandlerRun;
import io.heddle.internal.signals.Control;
import io.heddle.internal.supervision.SupervisorActor;
import io.heddle.internal.system.CellExtras;
import io.heddle.internal.system.SystemImpl;
import io.heddle.internal.system.SystemRuntime;
import io.heddle.internal.table.ActorTable;
import io.heddle.internal.task.Scopes;
import io.heddle.internal.testing.DeliveryInterceptor;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.internal.time.TimerHandle;
import io.heddle.Actor;
import io.heddle.ActorInterruptedException;
import io.heddle.ActorRef;
import io.heddle.Behavior;
import io.heddle.CallDeadlockException;
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
import io.heddle.inspect.ActorInfo;
import io.heddle.inspect.ActorKind;
import io.heddle.spi.ActorObserver;
import io.heddle.inspect.ActorState;
import io.heddle.scheduling.CallChain;
import io.heddle.scheduling.HandlerKind;
import io.heddle.scheduling.HandlerTimedOut;
import io.heddle.scheduling.HandlerTimeoutException;
import io.heddle.scheduling.ReadOnly;
import io.heddle.scheduling.Reentrancy;
import io.heddle.spi.SchedulingMetrics;
import io.heddle.scheduling.SlowHandler;
import io.heddle.scheduling.TimeoutAction;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
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
 * <p><b>Message order</b>: the control lane first, then urgent messages ({@link #castUrgent}), then messages put back
 * by selective receive or unstash, then the mailbox.
 *
 * <p><b>Scheduling</b> other than the default (throughput, handler timeouts, reentrancy, concurrent reads) lives in a
 * {@link CellScheduling}, null for most actors; see there for how a handler suspends and resumes under reentrancy.
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
    /** Set once by the system before the cell is published, for an actor with a non-default scheduling; else null. */
    private CellScheduling sched;

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
    /** Set once, before the cell is published, for the runtime's own helpers: observers do not hear of them. */
    private boolean internal;
    @SuppressWarnings("unused") // accessed through EXTRAS
    private volatile CellExtras<M> extras;

    /** When the actor was spawned, on the system's coarse clock (milliseconds since the system started). */
    private final int startedAt;
    // Written by the actor thread, read by inspection without synchronisation (a snapshot may be a moment old).
    /** Messages handled; wraps. */
    private int processed;
    /** When the current handler started, on the coarse clock; meaningful while {@code current} is set. */
    private int handlingSince;

    // Actor thread only.
    private Behavior<M> behavior;
    private Actor<?> classActor;
    private Envelope current;
    private ExitReason pendingExit;

    // Guarded by the system's ActorTable lock.
    public ActorCell<?> prevSibling;
    public ActorCell<?> nextSibling;

    public ActorCell(SystemImpl system, long id, String name, ActorCell<?> parent, MailboxQueue mailbox,
              Behavior<M> initial) {
        this.system = system;
        this.id = id;
        this.name = name;
        this.parent = parent;
        this.mailbox = mailbox;
        this.behavior = initial;
        this.context = new CellContext<>(this);
        this.startedAt = system.coarseMillis();
        if (initial instanceof Actor<M> actor && !ActorAccess.get().bind(actor, context)) {
            throw new IllegalStateException(actor.getClass().getName() + " instance was spawned before: an Actor "
                    + "instance belongs to one actor; spawn a new instance (supervisors take a factory for this)");
        }
    }

    /** Returns the cell behind {@code ref}: every ActorRef is one. */
    public static ActorCell<?> of(ActorRef<?> ref) {
        return (ActorCell<?>) Objects.requireNonNull(ref, "ref");
    }

    public void setScheduler(TurnScheduler scheduler) {
        this.scheduler = scheduler;
    }

    public void setScheduling(CellScheduling scheduling) {
        this.sched = scheduling;
    }

    // ------------------------------------------------------------------------------------------------ ActorRef

    @Override
    public Pid pid() {
        return Pid.local(id);
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** A scheduling point before a client's send, in a simulation (see {@link SystemRuntime#yieldAtSends()}). */
    private void yieldIfSimulated() {
        if (system.yieldAtSends && TurnRunner.current() == null) Thread.yield();
    }

    /** The envelope's meta for a send without a reply: what the observers carry with it, or null. */
    private Object traced(Object message) {
        ActorObserver observer = system.observer;
        if (observer == null || internal || !observer.tracesMessages()) return null;
        Object carried = Observers.onSend(observer, pid(), message);
        return carried == null ? null : new Traced(carried);
    }

    @Override
    public void cast(M message) {
        yieldIfSimulated();
        Envelope envelope = new Envelope(requireMessage(message, "cast"), traced(message));
        int outcome = deliver(envelope, system.sendTimeoutNanos(), false);
        if (outcome != MailboxQueue.OK) deadLetter(envelope, undeliveredReason(outcome));
    }

    @Override
    public void castUrgent(M message) {
        yieldIfSimulated();
        Envelope envelope = new Envelope(requireMessage(message, "castUrgent"), traced(message));
        int outcome = deliver(envelope, 0, true);
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
        Envelope envelope = new Envelope(requireMessage(message, "tryCast"), traced(message));
        int outcome = deliver(envelope, waitNanos, false);
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
        return call(request, timeout, false);
    }

    @Override
    public <R> R callUrgent(Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        return call(request, timeout, true);
    }

    private <R> R call(Function<ReplyTo<R>, ? extends M> request, Duration timeout, boolean urgent) {
        Objects.requireNonNull(timeout, "timeout");
        ActorCell<?> caller = TurnRunner.currentCell();
        if (caller == this && !canSuspendHere()) {
            throw new IllegalStateException(this + " called itself: the call would wait for a reply only this actor "
                    + "could send, after the handler returns. Handle the request directly, cast to self, or spawn the "
                    + "actor with Reentrancy.FULL or CALL_CHAIN.");
        }
        RuntimeClock clock = system.clock();
        long start = clock.nanoTime();
        long end = saturatedAdd(start, timeout.toNanos());
        Object scope = (Scopes.CURRENT.isBound() ? Scopes.CURRENT.get() : null);
        long scopeDeadline = scope == null ? Long.MAX_VALUE : scopeDeadline(scope, clock);
        boolean deadlineBound = scopeDeadline < end;
        if (deadlineBound) end = scopeDeadline;
        CellExtras<?> waits = caller == null || caller.isReaderThread() ? null : caller.extras();
        PendingReply<?> outer = waits == null ? null : waits.awaiting;
        try {
            PendingReply<R> reply = send(request, start, end - start, false, scope, scopeDeadline, caller, urgent);
            reply.deadlineBound = deadlineBound;
            return reply.await(end, waits == null ? null : caller);
        } finally {
            if (waits != null) waits.awaiting = outer;
        }
    }

    /** Runs one turn of this actor on the calling thread; the caller has moved it from IDLE to SCHEDULED. */
    private void runTurnInline() {
        boolean callerInterrupted = Thread.interrupted(); // the caller's, not the actor's: kept aside, then restored
        InlineRunner carrier = new InlineRunner(this);
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
        PendingReply<R> reply = send(request, start, 0, true, scope, scopeDeadline, TurnRunner.currentCell(), false);
        reply.deadlineBound = deadlineBound;
        reply.armTimeout(clock, wait);
        return reply.future();
    }

    /**
     * Builds and sends a request; failures to deliver settle the reply, which the caller then reports. A blocking call
     * from an actor records what the actor now waits on, and is refused if that closes a cycle of waiting actors.
     */
    private <R> PendingReply<R> send(Function<ReplyTo<R>, ? extends M> request, long start, long waitNanos,
                                     boolean async, Object scope, long scopeDeadline, ActorCell<?> caller,
                                     boolean urgent) {
        Objects.requireNonNull(request, "request");
        yieldIfSimulated();
        system.checkNotStopped("call " + this);
        PendingReply<R> reply = new PendingReply<>(this, start, async);
        reply.scoped = scope != null;
        reply.deadline = scopeDeadline;
        reply.chain = outgoingChain(caller);
        M message = request.apply(reply);
        if (message == null) {
            throw new NullPointerException("the request factory passed to call " + this + " returned null; it must "
                    + "return the request message, for example call(Get::new)");
        }
        reply.requestType(message.getClass());
        ActorObserver observer = system.observer;
        if (observer != null && observer.tracesMessages()) reply.carried = Observers.onSend(observer, pid(), message);
        if (!async && caller != null && !caller.isReaderThread()) caller.enterWait(reply);
        Envelope envelope = new Envelope(message, reply);
        int outcome = deliver(envelope, waitNanos, urgent);
        if (outcome != MailboxQueue.OK) deadLetter(envelope, undeliveredReason(outcome));
        return reply;
    }

    // ------------------------------------------------------------------------------------------------ call chains

    /**
     * The chain a call from {@code caller} (the cell running here, or null outside actors) travels in: the chain of
     * the call its handler answers, extended by the caller; a new chain if the handler answers none.
     */
    private static CallChain outgoingChain(ActorCell<?> caller) {
        CallChain bound = Chains.CURRENT.isBound() ? Chains.CURRENT.get() : null;
        if (caller == null) return bound;
        Pid me = caller.pid();
        return bound != null ? bound.extend(me) : new CallChain(caller.rootChainId(), List.of(me));
    }

    /** The id of the chain the current handler starts: one per handler under reentrancy, else one per call. */
    private long rootChainId() {
        CellScheduling s = sched;
        HandlerRun run = s == null ? null : s.current;
        if (run == null || run.thread != Thread.currentThread()) return system.nextChainId();
        if (run.rootChainId == 0) run.rootChainId = system.nextChainId();
        return run.rootChainId;
    }

    /**
     * Called on this actor's thread before it sends a blocking call: records the wait, and refuses the call if the
     * target waits, directly or through others, on this actor, unless an actor on the way admits the call.
     */
    private void enterWait(PendingReply<?> reply) {
        CellExtras<M> x = extras();
        x.awaiting = reply;
        List<ActorCell<?>> cycle = findCycle(reply);
        if (cycle == null) return;
        x.awaiting = null;
        List<Pid> pids = new ArrayList<>(cycle.size());
        StringBuilder printed = new StringBuilder();
        for (ActorCell<?> cell : cycle) {
            pids.add(cell.pid());
            printed.append(printed.isEmpty() ? "" : " -> ").append(cell);
        }
        ActorCell<?> target = reply.target();
        String type = reply.requestType().getSimpleName();
        throw new CallDeadlockException(target.pid(), reply.requestType(), "call from " + this + " to " + target
                + " with " + type + " not made: it would deadlock. The actors wait on each other in a cycle: "
                + printed + ". Each waits for a reply that only the next can send, and none can handle a message "
                + "while it waits. Reply without calling back (cast, or hand the reply on), use callAsync, or spawn "
                + "the actors with Reentrancy.CALL_CHAIN so that calls along one chain may enter.", pids);
    }

    /** Follows what actors wait on from {@code first}'s target; returns the cycle back to this actor, or null. */
    private List<ActorCell<?>> findCycle(PendingReply<?> first) {
        PendingReply<?> edge = first;
        ArrayList<ActorCell<?>> path = null;
        for (int hops = 0; hops < 64; hops++) {
            ActorCell<?> next = edge.target();
            if (next.admitsWhileWaiting(edge)) return null;
            if (path == null) {
                path = new ArrayList<>(4);
                path.add(this);
            }
            path.add(next);
            if (next == this) return path;
            CellExtras<?> nx = next.extras;
            PendingReply<?> onward = nx == null ? null : nx.awaiting;
            if (onward == null || onward.isDone()) return null;
            edge = onward;
        }
        return null;
    }

    /** True if this actor, waiting in a call, would still handle the call {@code edge}: it is reentrant for it. */
    private boolean admitsWhileWaiting(PendingReply<?> edge) {
        CellScheduling s = sched;
        if (s == null) return false;
        return switch (s.reentrancy) {
            case NONE -> false;
            case FULL -> true;
            case CALL_CHAIN -> {
                CellExtras<M> x = extras;
                PendingReply<?> mine = x == null ? null : x.awaiting;
                yield mine != null && mine.chain != null && edge.chain != null && mine.chain.id() == edge.chain.id();
            }
        };
    }

    /** Describes what this actor waits on, and onwards, for a timeout message; empty if it waits on no call. */
    public String describeWaits(ActorCell<?> caller) {
        StringBuilder s = new StringBuilder();
        ActorCell<?> at = this;
        for (int hops = 0; hops < 8; hops++) {
            CellExtras<?> x = at.extras;
            PendingReply<?> onward = x == null ? null : x.awaiting;
            if (onward == null || onward.isDone()) break;
            ActorCell<?> next = onward.target();
            s.append(s.isEmpty() ? "" : ", which ").append(s.isEmpty() ? at + " is itself waiting" : "is waiting")
                    .append(" on a reply from ").append(next);
            if (next == caller) return s.append(": a cycle back to the caller (a deadlock the call could not see "
                    + "coming; " + "for example the last call was made with callAsync)").toString();
            at = next;
        }
        return s.toString();
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
    public void stopNow(ExitReason reason) {
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
     * in a full fixed mailbox; an urgent envelope goes to the urgent lane instead, without waiting. Returns
     * {@link MailboxQueue#OK}, {@link MailboxQueue#FULL}, {@link #DROPPED} or {@link MailboxQueue#CLOSED}.
     */
    private int deliver(Envelope envelope, long waitNanos, boolean urgent) {
        DeliveryInterceptor interceptor = system.interceptor;
        if (interceptor != null) {
            switch (interceptor.intercept(this, envelope.message)) {
                case DeliveryInterceptor.Verdict.Deliver d -> { }
                case DeliveryInterceptor.Verdict.Drop d -> {
                    return INTERCEPTED;
                }
                case DeliveryInterceptor.Verdict.Delay(long nanos) -> {
                    system.clock().schedule(nanos, () -> {
                        int outcome = deliverDirect(envelope, 0, urgent);
                        if (outcome != MailboxQueue.OK) deadLetter(envelope, undeliveredReason(outcome));
                    });
                    return MailboxQueue.OK;
                }
            }
        }
        return deliverDirect(envelope, waitNanos, urgent);
    }

    private int deliverDirect(Envelope envelope, long waitNanos, boolean urgent) {
        if (urgent) return deliverUrgent(envelope);
        int outcome = mailbox.offer(envelope, this);
        if (outcome == MailboxQueue.FULL) {
            if (mailbox.dropsWhenFull()) return DROPPED;
            if (waitNanos > 0) outcome = offerWaiting(envelope, waitNanos);
        }
        if (outcome == MailboxQueue.OK) signalWork();
        return outcome;
    }

    /**
     * Puts an urgent envelope in the urgent lane. The lane is closed before termination drains it; a sender that finds
     * it closed after enqueuing takes its envelope back if the drain has not got it (Dekker on {@code urgentClosed}),
     * so every envelope is either handled or dead-lettered, once.
     */
    private int deliverUrgent(Envelope envelope) {
        CellExtras<M> x = extras();
        if (x.urgentClosed) return MailboxQueue.CLOSED;
        ConcurrentLinkedQueue<Envelope> lane = x.urgentLane();
        lane.offer(envelope);
        if (x.urgentClosed && lane.remove(envelope)) return MailboxQueue.CLOSED;
        signalWork();
        return MailboxQueue.OK;
    }

    private int offerWaiting(Envelope envelope, long waitNanos) {
        RuntimeClock clock = system.clock();
        long deadline = saturatedAdd(clock.nanoTime(), waitNanos);
        Thread me = Thread.currentThread();
        TurnRunner blocked = null;
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
                if (blocked == null) blocked = TurnRunner.beginBlocking();
                clock.parkNanos(this, remaining);
                mailbox.removeWaiter(me);
                if (Thread.interrupted()) {
                    me.interrupt();
                    throw new ActorInterruptedException("interrupted while waiting for space in the mailbox of "
                            + this + " to send " + envelope.message.getClass().getSimpleName());
                }
            }
        } finally {
            TurnRunner.endBlocking(blocked);
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
    public void deliverTimer(Object message, TimerHandle handle) {
        Envelope envelope = new Envelope(message, handle);
        int outcome = deliverDirect(envelope, 0, false);
        if (outcome != MailboxQueue.OK) deadLetter(envelope, undeliveredReason(outcome));
    }

    /** Publishes an undelivered envelope, and fails its call if it was one. */
    public void deadLetter(Envelope envelope, DeadLetter.Reason reason) {
        Object meta = envelope.meta;
        if (meta instanceof TimerHandle timer && timer.isCancelled()) return; // cancelled on purpose: not a loss
        if (reason == DeadLetter.Reason.RECIPIENT_STOPPED && !(meta instanceof TimerHandle)) {
            CellExtras<M> x = extras;
            Handover heir = x == null ? null : x.heir;
            if (heir != null && heir.adopt(this, envelope.message, meta)) return;
        }
        // A call lost to an injected fault is not failed: its caller finds out by its timeout, as over a network.
        if (meta instanceof PendingReply<?> reply && reason != DeadLetter.Reason.INJECTED_FAULT) {
            reply.undelivered(reason, exitReasonOrNull());
        }
        system.deadLetterOffice().publish(pid(), name, envelope.message, reason);
    }

    public void lateReply(Object value) {
        system.deadLetterOffice().publish(pid(), name, value, DeadLetter.Reason.LATE_REPLY);
    }

    // ------------------------------------------------------------------------------------------------ turn

    /**
     * Runs one turn: init if needed, then control messages and up to the actor's throughput of user messages. Under
     * reentrancy a turn may end early by handing the actor to a handler that has finished waiting, and a thread whose
     * suspended handler outlived the actor leaves without touching it.
     */
    public void runTurn() {
        Thread me = Thread.currentThread();
        runner = me;
        boolean holder = true;
        CellScheduling s = sched;
        try {
            if (lifecycle == NEW && !initialize()) return;
            SchedulingMetrics metrics = system.metrics;
            if (metrics != null) metrics.queueDepth(pid(), mailbox.size());
            int budget = s == null ? system.throughput() : s.throughput;
            while (lifecycle == RUNNING) {
                if (killRequested) {
                    terminate(ExitReason.KILLED);
                    break;
                }
                ConcurrentLinkedQueue<Control> lane = control;
                Control signal = lane == null ? null : lane.poll();
                if (signal != null) {
                    if (!handleControl(signal)) {
                        holder = false;
                        return;
                    }
                    if (pendingExit != null) terminate(pendingExit);
                    continue;
                }
                if (s != null && !s.resumers.isEmpty()) {
                    // A handler has finished waiting: it goes before messages not yet started.
                    releaseRunner(me);
                    holder = false;
                    if (!handOff(s)) throw new IllegalStateException("resumer vanished from " + this);
                    return;
                }
                if (budget-- == 0) {
                    if (metrics != null && hasWork()) metrics.throughputYield(pid());
                    break;
                }
                Envelope envelope = s != null && s.filtering() ? nextAdmitted(s) : nextEnvelope();
                if (envelope == null) break;
                if (s != null && s.readParallelism > 1 && envelope.message instanceof ReadOnly && !s.filtering()) {
                    budget -= runReads(envelope, s, budget) - 1;
                } else if (!handle(envelope, kindOf(envelope))) {
                    holder = false;
                    return;
                }
                if (pendingExit != null) terminate(pendingExit);
            }
        } catch (Throwable bug) {
            if (!holder) throw bug;
            LOG.log(Level.ERROR, "internal error in the turn of " + this + "; stopping it", bug);
            if (lifecycle != DEAD) terminate(ExitReason.error(bug));
        } finally {
            if (holder) {
                CellExtras<M> x = extras;
                if (x != null && x.deferredReplies != null) x.pruneDeferredReplies();
                releaseRunner(me);
                afterTurn();
            } else {
                Thread.interrupted(); // an interrupt aimed at a handler of this actor must not reach the next actor
            }
        }
    }

    private void releaseRunner(Thread me) {
        releaseRunnerKeepingInterrupt(me);
        // An interrupt aimed at this actor's handler must not reach the next actor run on this thread.
        Thread.interrupted();
    }

    private void releaseRunnerKeepingInterrupt(Thread me) {
        if (!RUNNER.compareAndSet(this, me, null)) {
            while (runner == INTERRUPTING) Thread.onSpinWait();
            runner = null;
        }
    }

    private void afterTurn() {
        if (lifecycle == DEAD) {
            schedState = TERMINATED;
            return;
        }
        releaseTurn(false);
    }

    /**
     * The holder lets go of the actor: to a handler waiting to resume if there is one, else to IDLE, scheduling a new
     * turn if work is waiting. {@code fresh}: schedule the turn as new work (another worker may take it) rather than
     * as this worker's next.
     */
    private void releaseTurn(boolean fresh) {
        schedState = IDLE;
        CellScheduling s = sched;
        if (s != null && !s.resumers.isEmpty() && SCHED.compareAndSet(this, IDLE, SCHEDULED)) {
            if (handOff(s)) return;
            schedState = IDLE;
        }
        if (hasWork() && SCHED.compareAndSet(this, IDLE, SCHEDULED)) {
            if (fresh) scheduler.schedule(this);
            else scheduler.yieldTurn(this);
        }
    }

    /** The holder hands the actor to the first resumer; returns false if there is none. */
    private static boolean handOff(CellScheduling s) {
        Thread next = s.resumers.poll();
        if (next == null) return false;
        s.grantedTo = next;
        LockSupport.unpark(next);
        return true;
    }

    /** Holder only: true if a turn would find something to do. */
    private boolean hasWork() {
        ConcurrentLinkedQueue<Control> lane = control;
        if (lane != null && !lane.isEmpty()) return true;
        CellExtras<M> x = extras;
        if (x != null) {
            ConcurrentLinkedQueue<Envelope> urgent = x.urgent;
            if (urgent != null && !urgent.isEmpty()) return true;
            // While a CALL_CHAIN actor filters, what it put aside is not work: only new arrivals are.
            CellScheduling s = sched;
            if (s == null || !s.filtering()) {
                if (x.pendingUrgent != null && !x.pendingUrgent.isEmpty()) return true;
                if (x.pending != null && !x.pending.isEmpty()) return true;
            }
        }
        return mailbox.hasPending();
    }

    private Envelope nextEnvelope() {
        CellExtras<M> x = extras;
        if (x != null) {
            Envelope e = nextUrgent(x);
            if (e != null) return e;
            if (x.pending != null && (e = x.pending.pollFirst()) != null) return e;
        }
        return mailbox.poll();
    }

    private static Envelope nextUrgent(CellExtras<?> x) {
        Envelope e;
        if (x.pendingUrgent != null && (e = x.pendingUrgent.pollFirst()) != null) return e;
        ConcurrentLinkedQueue<Envelope> lane = x.urgent;
        return lane == null ? null : lane.poll();
    }

    /**
     * For a CALL_CHAIN actor with a handler suspended: the first message it admits, in the usual order; the others are
     * put aside, in order, for when no handler is suspended.
     */
    private Envelope nextAdmitted(CellScheduling s) {
        CellExtras<M> x = extras();
        Envelope e = takeAdmitted(x.pendingUrgent, s);
        if (e != null) return e;
        ConcurrentLinkedQueue<Envelope> lane = x.urgent;
        if (lane != null) {
            while ((e = lane.poll()) != null) {
                if (s.admits(e)) return e;
                x.pendingUrgent().addLast(e);
            }
        }
        e = takeAdmitted(x.pending, s);
        if (e != null) return e;
        while ((e = mailbox.poll()) != null) {
            if (s.admits(e)) return e;
            x.pending().addLast(e);
        }
        return null;
    }

    private static Envelope takeAdmitted(ArrayDeque<Envelope> queue, CellScheduling s) {
        if (queue == null) return null;
        for (Iterator<Envelope> it = queue.iterator(); it.hasNext(); ) {
            Envelope e = it.next();
            if (s.admits(e)) {
                it.remove();
                return e;
            }
        }
        return null;
    }

    private static HandlerKind kindOf(Envelope envelope) {
        Object meta = envelope.meta;
        if (meta instanceof PendingReply<?>) return HandlerKind.CALL;
        if (meta instanceof TimerHandle) return HandlerKind.TIMER;
        return HandlerKind.CAST;
    }

    /** Handles a control message; returns false if this thread no longer holds the actor (see {@link #handle}). */
    private boolean handleControl(Control signal) {
        switch (signal) {
            case Control.Stop(ExitReason reason) -> terminate(reason);
            case Control.Kill k -> terminate(ExitReason.KILLED);
            case Control.Exit exit -> {
                if (!exit.unconditional() && !system.table().consumeLink(this, exit.from())) return true;
                CellExtras<M> x = extras;
                Function<? super ExitSignal, ?> trap = x == null ? null : x.exitTrap;
                if (trap != null) {
                    return deliverSignal(exit, () -> trap.apply(new ExitSignal(exit.from(), exit.reason())));
                } else if (exit.reason().isAbnormal()) {
                    terminate(ExitReason.linked(exit.from().pid(), exit.reason()));
                }
            }
            case Control.Down down -> {
                CellExtras.Monitoring m = takeMonitoring(down.monitor());
                if (m != null) {
                    return deliverSignal(down, () -> m.adapter().apply(new Down(down.monitor(), down.target(),
                            down.reason())));
                }
            }
        }
        return true;
    }

    private CellExtras.Monitoring takeMonitoring(MonitorRef ref) {
        CellExtras<M> x = extras;
        return x == null || x.monitoring == null ? null : x.monitoring.remove(ref);
    }

    /** Hands an exit signal or down notice, turned into a message by the actor's adapter, to its behavior. */
    private boolean deliverSignal(Control signal, Supplier<Object> adapt) {
        Object message;
        try {
            message = adapt.get();
            if (message == null) {
                throw new NullPointerException("the adapter given to " + (signal instanceof Control.Down ? "monitor"
                        : "trapExits") + " returned null for " + signal + "; it must return a message");
            }
        } catch (Throwable failure) {
            crash(failure, signal);
            return true;
        }
        return handle(new Envelope(message, null), HandlerKind.SIGNAL);
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
    public void startWithoutInitIfTrivial() {
        Behavior<M> b = behavior;
        if (b instanceof SetupBehavior || b instanceof Actor || b instanceof SpecialBehavior) return;
        lifecycle = RUNNING;
        schedState = IDLE;
        CellExtras<M> x = extras;
        if (x != null && x.started != null) x.started.complete(null);
        notifyStarted();
    }

    private void notifyStarted() {
        ActorObserver observer = system.observer;
        if (observer != null && !internal) {
            Observers.safely(observer, "actorStarted", () -> observer.actorStarted(pid(), name, label(), kind()));
        }
    }

    /** True if {@link #startWithoutInitIfTrivial()} started the actor. */
    public boolean startedWithoutInit() {
        return lifecycle == RUNNING;
    }

    /** Runs setup factories and init; a handler timeout, if any, applies to it as {@link HandlerKind#INIT}. */
    private boolean initialize() {
        CellScheduling s = sched;
        HandlerRun run = s != null && s.timeoutNanos > 0 ? beginRun(s, null, HandlerKind.INIT, Void.class) : null;
        Throwable failure = null;
        try {
            behavior = resolve(behavior);
        } catch (Throwable t) {
            failure = t;
        }
        if (run != null) {
            run.end();
            TimeoutAction fired = run.fired;
            if (fired != null) {
                reportSlowHandler(run, fired);
                if (fired != TimeoutAction.WARN) {
                    HandlerTimeoutException timedOut = timeoutException(run);
                    if (failure != null) timedOut.addSuppressed(failure);
                    failure = timedOut;
                }
            }
        }
        if (failure != null) {
            CellExtras<M> x = extras;
            if (x != null && x.started != null) x.started.completeExceptionally(failure);
            LOG.log(Level.WARNING, "actor " + this + " failed to start", failure);
            terminate(ExitReason.error(failure), false);
            return false;
        }
        lifecycle = RUNNING;
        notifyStarted();
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

    /**
     * Handles one user message on the holder's thread. Returns false if this thread no longer holds the actor: its
     * handler was suspended under reentrancy and the actor stopped meanwhile, so nothing here is its own any more.
     */
    @SuppressWarnings("unchecked")
    private boolean handle(Envelope envelope, HandlerKind kind) {
        Object meta = envelope.meta;
        if (meta instanceof TimerHandle timer) {
            if (timer.isCancelled()) {
                envelope.clear();
                return true;
            }
            if (!timer.periodic) removeTimer(timer);
        }
        current = envelope;
        handlingSince = system.coarseMillis();
        M message = (M) envelope.message;
        CellScheduling s = sched;
        HandlerRun run = null;
        long start = 0;
        if (s != null && s.tracksRuns) {
            run = beginRun(s, envelope, kind, message.getClass());
            s.current = run;
        } else if (system.metrics != null) {
            start = system.clock().nanoTime();
        }
        Behavior<M> next = null;
        Throwable failure = null;
        try {
            next = invoke(meta, message, run, kind);
        } catch (Throwable t) {
            failure = t;
        }
        if (run != null) {
            run.end();
            if (run.detached) {
                if (meta instanceof PendingReply<?> call) call.undelivered(DeadLetter.Reason.RECIPIENT_STOPPED,
                        exitReasonOrNull());
                return false;
            }
            s.current = null;
        }
        boolean stashed = failure == null && current == null;
        current = null;
        finish(envelope, kind, run, start, next, failure, stashed, false);
        return true;
    }

    /** Calls the behavior with the call's scope (deadline, abandonment), the handler's deadline and the chain bound. */
    private Behavior<M> invoke(Object meta, M message, HandlerRun run, HandlerKind kind) throws Exception {
        ActorObserver observer = system.observer;
        if (observer == null || internal || !observer.tracesMessages()) return invokeBound(meta, message, run);
        Object carried = meta instanceof Traced t ? t.carried() : meta instanceof PendingReply<?> p ? p.carried : null;
        Object token = Observers.beforeHandler(observer, pid(), name, label(), kind, message, carried);
        Throwable failure = null;
        try {
            return invokeBound(meta, message, run);
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            Observers.afterHandler(observer, token, failure);
        }
    }

    private Behavior<M> invokeBound(Object meta, M message, HandlerRun run) throws Exception {
        PendingReply<?> call = meta instanceof PendingReply<?> p ? p : null;
        CallChain chain = call == null ? null : call.chain;
        boolean scoped = call != null && call.scoped;
        long deadline = scoped ? call.deadline : Long.MAX_VALUE;
        if (run != null && run.deadline != Long.MAX_VALUE) {
            scoped = true;
            deadline = Math.min(deadline, run.deadline);
        }
        Behavior<M> b = behavior;
        if (!scoped && chain == null) return b.receive(context, message);
        ScopedValue.Carrier bindings = null;
        if (scoped) {
            // The caller's scope travels with the call: the handler's own calls are bounded by its deadline, and its
            // scope reads as cancelled once the caller gives up.
            BooleanSupplier abandoned = call == null ? () -> false : call::isAbandoned;
            bindings = ScopedValue.where(Scopes.CURRENT, Scopes.access().forCall(system.clock(), deadline, abandoned));
        }
        if (chain != null) {
            bindings = bindings == null ? ScopedValue.where(Chains.CURRENT, chain)
                    : bindings.where(Chains.CURRENT, chain);
        }
        return bindings.call(() -> b.receive(context, message));
    }

    /**
     * What follows a handler, on the holder's thread: timeouts and their actions, failures, the next behavior, replies
     * left for later. {@code readOnly}: the handler ran concurrently with others and may not have changed the actor.
     */
    private void finish(Envelope envelope, HandlerKind kind, HandlerRun run, long start, Behavior<M> next,
                        Throwable failure, boolean stashed, boolean readOnly) {
        processed++;
        Object meta = envelope.meta;
        Object message = envelope.message;
        SchedulingMetrics metrics = system.metrics;
        if (metrics != null) {
            long began = run != null ? run.startNanos : start;
            metrics.handlerCompleted(pid(), kind, message.getClass(), system.clock().nanoTime() - began);
        }
        TimeoutAction fired = run == null ? null : run.fired;
        if (fired != null) {
            reportSlowHandler(run, fired);
            boolean cutShort = failure != null;
            if (fired == TimeoutAction.STOP || (fired == TimeoutAction.CANCEL && cutShort)) {
                HandlerTimeoutException timedOut = timeoutException(run);
                if (meta instanceof PendingReply<?> call) call.handlerTimedOut(timedOut);
                if (cutShort) {
                    system.deadLetterOffice().publish(pid(), name, message, DeadLetter.Reason.HANDLER_TIMED_OUT);
                }
                envelope.clear();
                if (fired == TimeoutAction.STOP) requestExit(ExitReason.error(timedOut));
                return;
            }
        }
        if (failure != null) {
            if (failure instanceof CancelledException && meta instanceof PendingReply<?> call && call.isAbandoned()) {
                // The handler stopped working for a caller that had given up: the call is over, the actor is fine.
                envelope.clear();
                return;
            }
            if (meta instanceof PendingReply<?> reply) reply.handlerFailed(failure);
            crash(failure, message);
            return;
        }
        if (next != SpecialBehavior.SAME && next != behavior) {
            if (next == SpecialBehavior.UNHANDLED) {
                if (!stashed) deadLetter(envelope, DeadLetter.Reason.UNHANDLED);
                return;
            }
            if (next == SpecialBehavior.STOPPED) {
                requestExit(ExitReason.NORMAL);
            } else if (readOnly) {
                IllegalStateException changed = new IllegalStateException("the handler of " + this + " for the "
                        + "ReadOnly message " + message.getClass().getSimpleName() + " returned a new behavior, but "
                        + "read-only handlers run concurrently and may not change the actor. Return "
                        + "Behaviors.same(), or drop ReadOnly from the message.");
                if (meta instanceof PendingReply<?> reply) reply.handlerFailed(changed);
                crash(changed, message);
                return;
            } else {
                try {
                    behavior = resolve(next);
                } catch (Throwable resolveFailure) {
                    crash(resolveFailure, message);
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
    public void requestExit(ExitReason reason) {
        if (pendingExit == null) pendingExit = reason;
    }

    // ------------------------------------------------------------------------------------------------ handler timeouts

    /** Starts tracking a handler: its timeout timer, and under CANCEL and STOP its deadline. */
    private HandlerRun beginRun(CellScheduling s, Envelope envelope, HandlerKind kind, Class<?> type) {
        RuntimeClock clock = system.clock();
        long now = clock.nanoTime();
        long deadline = s.timeoutNanos == 0 || s.action == TimeoutAction.WARN ? Long.MAX_VALUE
                : saturatedAdd(now, s.timeoutNanos);
        HandlerRun run = new HandlerRun(Thread.currentThread(), envelope, kind, type, now, deadline);
        if (s.timeoutNanos > 0) run.timer = clock.schedule(s.timeoutNanos, () -> handlerTimedOut(run));
        return run;
    }

    /** On the timer thread, when a handler's timeout passes: report it, then act. */
    private void handlerTimedOut(HandlerRun run) {
        if (!run.isRunning()) return;
        CellScheduling s = sched;
        TimeoutAction action = s.action;
        run.fired = action;
        SchedulingMetrics metrics = system.metrics;
        if (metrics != null) metrics.handlerTimedOut(pid(), run.kind, run.messageType, action);
        system.publish(new HandlerTimedOut(system.clock().instant(), pid(), run.kind, run.messageType, s.timeout,
                action, List.of(run.thread.getStackTrace())));
        if (action != TimeoutAction.WARN) run.interrupt();
    }

    private HandlerTimeoutException timeoutException(HandlerRun run) {
        CellScheduling s = sched;
        String what = run.kind == HandlerKind.INIT ? "init" : "the handler for " + run.messageType.getSimpleName();
        return new HandlerTimeoutException(pid(), run.messageType, s.timeout, what + " of " + this + " overran its "
                + "handler timeout of " + s.timeout.toMillis() + " ms and was "
                + (s.action == TimeoutAction.STOP ? "stopped with the actor" : "cancelled")
                + ". Make the handler faster, move slow work to a task, or raise Scheduling.handlerTimeout.");
    }

    /** On the actor's thread, after a handler that overran its timeout: the actor's hook. */
    private void reportSlowHandler(HandlerRun run, TimeoutAction action) {
        CellScheduling s = sched;
        if (s.onSlowHandler == null) return;
        SlowHandler event = new SlowHandler(pid(), run.kind, run.messageType,
                Duration.ofNanos(system.clock().nanoTime() - run.startNanos), s.timeout, action);
        try {
            s.onSlowHandler.accept(event);
        } catch (Throwable failure) {
            LOG.log(Level.WARNING, "the onSlowHandler hook of " + this + " threw; ignored", failure);
        }
    }

    // ------------------------------------------------------------------------------------------------ reentrancy

    /** True if a handler of this actor runs on this thread and may suspend in a wait (a reentrant self-call). */
    private boolean canSuspendHere() {
        CellScheduling s = sched;
        if (s == null || s.reentrancy == Reentrancy.NONE) return false;
        HandlerRun run = s.current;
        return run != null && run.thread == Thread.currentThread() && run.kind != HandlerKind.INIT;
    }

    /**
     * Called on this actor's thread by a handler about to park in a wait: under reentrancy the handler lets go of the
     * actor so that other messages can run meanwhile. {@code chainId} is the chain of the call waited on, or 0 for
     * a wait that is not a call (only {@link Reentrancy#FULL} suspends those). Returns the handler's run, to pass to
     * {@link #resume} when the wait ends, or null if the handler keeps the actor.
     */
    public HandlerRun suspend(long chainId) {
        CellScheduling s = sched;
        if (s == null || s.reentrancy == Reentrancy.NONE) return null;
        if (s.reentrancy == Reentrancy.CALL_CHAIN && chainId == 0) return null;
        Thread me = Thread.currentThread();
        HandlerRun run = s.current;
        if (run == null || run.thread != me || run.kind == HandlerKind.INIT || runner != me) return null;
        run.waitChainId = chainId;
        run.savedCurrent = current;
        s.suspended.add(run);
        s.current = null;
        current = null;
        releaseRunnerKeepingInterrupt(me);
        releaseTurn(true);
        return run;
    }

    /**
     * Called by a suspended handler once its wait has ended: takes the actor back, after handlers that resumed before
     * it and after the message being handled, if any.
     *
     * @throws ActorInterruptedException if the actor stopped meanwhile; the handler is then detached from it
     */
    public void resume(HandlerRun run) {
        Thread me = Thread.currentThread();
        CellScheduling s = sched;
        s.resumers.offer(me);
        boolean interrupted = false;
        for (;;) {
            if (s.grantedTo == me) {
                s.grantedTo = null;
                break;
            }
            if (schedState == IDLE && SCHED.compareAndSet(this, IDLE, SCHEDULED)) {
                Thread first = s.resumers.poll();
                if (first == me) break;
                s.grantedTo = first; // it resumed before this one: it goes first, and hands over when done
                LockSupport.unpark(first);
                continue;
            }
            if (lifecycle == DEAD) {
                s.resumers.remove(me);
                run.detached = true;
                if (interrupted) me.interrupt();
                throw new ActorInterruptedException(this + " stopped (" + exitReasonOrNull() + ") while its handler "
                        + "for " + run.messageType.getSimpleName() + " waited; the handler's work is abandoned");
            }
            LockSupport.park(this);
            if (Thread.interrupted()) interrupted = true;
        }
        runner = me;
        s.suspended.remove(run);
        s.current = run;
        current = run.savedCurrent;
        run.savedCurrent = null;
        if (interrupted) me.interrupt();
    }

    /** On termination: wakes suspended and resuming handlers, which find the actor gone and detach. */
    private void releaseSuspended() {
        CellScheduling s = sched;
        if (s == null) return;
        for (HandlerRun run : s.suspended) run.thread.interrupt();
        s.suspended.clear();
        for (Thread t : s.resumers) LockSupport.unpark(t);
    }

    // ------------------------------------------------------------------------------------------------ read-only

    /** True on a thread that runs one of this actor's concurrent read-only handlers. */
    boolean isReaderThread() {
        CellScheduling s = sched;
        return s != null && !s.readers.isEmpty() && s.readers.contains(Thread.currentThread());
    }

    /**
     * Runs {@code first} and the read-only messages queued right behind it (up to the actor's read parallelism and
     * the turn's budget) at the same time, each on a virtual thread of its own, and waits for all of them. Returns how
     * many messages it handled.
     */
    @SuppressWarnings("unchecked")
    private int runReads(Envelope first, CellScheduling s, int budget) {
        ArrayList<Envelope> batch = new ArrayList<>(Math.min(s.readParallelism, 16));
        batch.add(first);
        CellExtras<M> x = extras;
        while (batch.size() < s.readParallelism && batch.size() <= budget) {
            if (x != null && (x.pendingUrgent != null && !x.pendingUrgent.isEmpty()
                    || x.urgent != null && !x.urgent.isEmpty())) {
                break; // an urgent message goes first
            }
            Envelope next = x != null && x.pending != null && !x.pending.isEmpty() ? x.pending.pollFirst()
                    : mailbox.poll();
            if (next == null) break;
            if (!(next.message instanceof ReadOnly) || next.meta instanceof TimerHandle) {
                extras().pending().addFirst(next);
                break;
            }
            batch.add(next);
        }
        if (batch.size() == 1) {
            if (!handle(first, kindOf(first))) throw new IllegalStateException("a read cannot suspend");
            return 1;
        }
        int n = batch.size();
        ReadResult[] results = new ReadResult[n];
        AtomicInteger remaining = new AtomicInteger(n);
        Thread holder = Thread.currentThread();
        Thread[] readers = new Thread[n];
        for (int i = 0; i < n; i++) {
            int index = i;
            Envelope e = batch.get(i);
            readers[i] = system.threads().newVirtualThread("heddle-" + system.name() + "-" + this + "-reader", () -> {
                try {
                    results[index] = read(e, s);
                } finally {
                    if (remaining.decrementAndGet() == 0) LockSupport.unpark(holder);
                }
            });
        }
        for (Thread reader : readers) reader.start();
        TurnRunner blocked = TurnRunner.beginBlocking();
        boolean interrupted = false;
        try {
            while (remaining.get() > 0) {
                LockSupport.park(this);
                if (Thread.interrupted() && !interrupted) {
                    interrupted = true; // killed: pass it on to the readers, and still wait for them
                    for (Thread reader : readers) reader.interrupt();
                }
            }
        } finally {
            TurnRunner.endBlocking(blocked);
        }
        if (interrupted) holder.interrupt();
        for (int i = 0; i < n; i++) {
            ReadResult r = results[i];
            Envelope e = batch.get(i);
            if (lifecycle != RUNNING) {
                // An earlier read of the batch stopped the actor: this one ran, but nothing may follow it now.
                if (e.meta instanceof PendingReply<?> call) call.undelivered(DeadLetter.Reason.RECIPIENT_STOPPED,
                        exitReasonOrNull());
                e.clear();
                continue;
            }
            finish(e, r.kind, r.run, r.start, (Behavior<M>) r.next, r.failure, false, true);
        }
        return n;
    }

    /** What a concurrent read-only handler left for the holder to finish. */
    private record ReadResult(HandlerKind kind, HandlerRun run, long start, Behavior<?> next, Throwable failure) {}

    /** On a reader thread: runs one read-only handler. */
    @SuppressWarnings("unchecked")
    private ReadResult read(Envelope envelope, CellScheduling s) {
        Thread me = Thread.currentThread();
        InlineRunner carrier = new InlineRunner(this);
        s.readers.add(me);
        HandlerKind kind = kindOf(envelope);
        HandlerRun run = s.tracksRuns ? beginRun(s, envelope, kind, envelope.message.getClass()) : null;
        long start = run == null && system.metrics != null ? system.clock().nanoTime() : 0;
        Behavior<M> next = null;
        Throwable failure = null;
        try {
            next = invoke(envelope.meta, (M) envelope.message, run, kind);
        } catch (Throwable t) {
            failure = t;
        } finally {
            if (run != null) run.end();
            s.readers.remove(me);
            carrier.release();
        }
        return new ReadResult(kind, run, start, next, failure);
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
        x.urgentClosed = true;
        if (x.urgent != null) {
            Envelope e;
            while ((e = x.urgent.poll()) != null) deadLetter(e, DeadLetter.Reason.RECIPIENT_STOPPED);
        }
        drainToDeadLetters(x.pendingUrgent);
        x.pendingUrgent = null;
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
        releaseSuspended();
        ActorObserver observer = system.observer;
        String label = observer == null ? null : label();
        ActorKind kind = kind();
        ActorTable.Departure departure = system.table().remove(this);
        behavior = null;
        classActor = null;
        x.behaviorStack = null;
        x.terminateHooks = null;
        x.monitoring = null;
        x.exitTrap = null;
        x.childStopper = null;
        x.healthSource = null;
        // Observers hear of the stop before anyone else can react to it (a supervisor restarting the actor, a caller
        // waiting on termination()), so that what they report is never behind what the system has done.
        if (observer != null) {
            Duration lifetime = Duration.ofMillis(system.coarseMillis() - startedAt);
            Observers.safely(observer, "actorStopped", () -> observer.actorStopped(pid(), name, label, kind, reason,
                    lifetime));
        }
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
            if (isReaderThread()) {
                throw new IllegalStateException("ActorContext." + operation + "() of " + this + " was called from a "
                        + "ReadOnly handler. Read-only handlers run concurrently and may not change the actor; they "
                        + "may reply, cast and call. Drop ReadOnly from the message to use the context.");
            }
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
        CellExtras<M> x = extras();
        ArrayDeque<Envelope> pending = x.pending();
        Envelope saved = takeMatching(x.pendingUrgent, matcher);
        if (saved == null) saved = takeMatching(pending, matcher);
        if (saved != null) return Optional.of(take(saved));
        RuntimeClock clock = system.clock();
        long deadline = saturatedAdd(clock.nanoTime(), timeout.toNanos());
        Object scope = (Scopes.CURRENT.isBound() ? Scopes.CURRENT.get() : null);
        if (scope != null) deadline = Math.min(deadline, Scopes.access().deadlineOn(scope, clock)); // bounded too
        TurnRunner blocked = null;
        try {
            for (;;) {
                for (Object signal : signalMessages()) {
                    if (matcher.test((M) signal)) {
                        return Optional.of((M) signal);
                    }
                    pending.addLast(new Envelope(signal, null));
                }
                Envelope e;
                ConcurrentLinkedQueue<Envelope> urgent = x.urgent;
                while (urgent != null && (e = urgent.poll()) != null) {
                    if (isCancelledTimer(e)) continue;
                    if (matcher.test((M) e.message)) return Optional.of(take(e));
                    x.pendingUrgent().addLast(e);
                }
                while ((e = mailbox.poll()) != null) {
                    if (isCancelledTimer(e)) continue;
                    if (matcher.test((M) e.message)) return Optional.of(take(e));
                    pending.addLast(e);
                }
                if (killRequested) throw interruptedReceive();
                long remaining = deadline - clock.nanoTime();
                if (remaining <= 0) return Optional.empty();
                schedState = WAITING;
                urgent = x.urgent;
                if (mailbox.hasPending() || killRequested || hasSignals() || (urgent != null && !urgent.isEmpty())) {
                    schedState = SCHEDULED;
                    continue;
                }
                if (blocked == null) blocked = TurnRunner.beginBlocking();
                clock.parkNanos(this, remaining);
                schedState = SCHEDULED;
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw interruptedReceive();
                }
            }
        } finally {
            schedState = SCHEDULED;
            TurnRunner.endBlocking(blocked);
        }
    }

    /** Removes and returns the first envelope in {@code queue} that {@code matcher} accepts; drops cancelled timers. */
    @SuppressWarnings("unchecked")
    private Envelope takeMatching(ArrayDeque<Envelope> queue, Predicate<? super M> matcher) {
        if (queue == null) return null;
        for (Iterator<Envelope> it = queue.iterator(); it.hasNext(); ) {
            Envelope e = it.next();
            if (isCancelledTimer(e)) {
                it.remove();
            } else if (matcher.test((M) e.message)) {
                it.remove();
                return e;
            }
        }
        return null;
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

    // ------------------------------------------------------------------------------------------------ inspection

    /** What metrics tag this actor by: its name, or the class of its behavior (see {@link ActorInfo#label()}). */
    String label() {
        if (name != null) return name;
        Object b = classActor != null ? classActor : behavior;
        if (b == null) return task ? "task" : "actor";
        if (b instanceof SetupBehavior<?> setup) b = setup.factory();
        String type = b.getClass().getName();
        int lambda = type.indexOf("$$Lambda");
        if (lambda >= 0) type = type.substring(0, lambda) + "$lambda";
        return type.substring(type.lastIndexOf('.') + 1);
    }

    ActorKind kind() {
        if (task) return ActorKind.TASK;
        return classActor instanceof SupervisorActor || behavior instanceof SupervisorActor ? ActorKind.SUPERVISOR
                : ActorKind.ACTOR;
    }

    /** Describes this actor from another thread: each field read once, without locks. */
    public ActorInfo describe(ActorCell<?> parentCell, List<Pid> links, List<Pid> monitors, List<Pid> monitoredBy,
                       List<String> names) {
        int now = system.coarseMillis();
        CellExtras<M> x = extras;
        int life = lifecycle;
        ActorState state = switch (life) {
            case NEW -> ActorState.STARTING;
            case STOPPING -> ActorState.STOPPING;
            case DEAD -> ActorState.STOPPED;
            default -> switch (schedState) {
                case IDLE -> ActorState.IDLE;
                case WAITING -> ActorState.WAITING;
                case TERMINATED -> ActorState.STOPPED;
                default -> x != null && x.awaiting != null ? ActorState.WAITING : ActorState.RUNNING;
            };
        };
        Envelope handling = current;
        Object message = handling == null ? null : handling.message;
        int since = handlingSince;
        Health health;
        try {
            health = health();
        } catch (RuntimeException e) {
            health = Health.unhealthy("health check threw " + e);
        }
        return new ActorInfo(pid(), name, label(), kind(), state, parentCell == null ? null : parentCell.pid(),
                x == null ? null : x.childId, x == null ? 0 : x.restarts, mailbox.size(), mailbox.capacity(),
                processed, message == null ? null : message.getClass().getName(),
                message == null ? null : Duration.ofMillis(Math.max(0, now - since)),
                Duration.ofMillis(Math.max(0, now - startedAt)), links, monitors, monitoredBy, names, health);
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    /** Returns the actor's system; public for the task package. */
    public SystemImpl system() {
        return system;
    }

    public RuntimeClock clock() {
        return system.clock();
    }

    public ActorCell<?> parent() {
        return parent;
    }

    long id() {
        return id;
    }

    /** Returns the number of messages in this actor's mailbox; public for the routing package. */
    public int mailboxSize() {
        return mailbox.size();
    }

    /** Returns how many messages this actor has handled (wraps); public for the routing package. */
    public int processedCount() {
        return processed;
    }

    /** True while a turn of this actor is queued or running; public for the routing package. */
    public boolean isBusy() {
        int state = schedState;
        return state == SCHEDULED || state == WAITING;
    }

    /** Gives this actor an heir for the messages it will never handle; public for the routing package. */
    public void setHeir(Handover heir) {
        extras().heir = heir;
    }

    /**
     * Delivers a message another actor will never handle, with its call if it is one, without waiting longer than the
     * send timeout. Returns false, delivering nothing, if this actor has stopped or its mailbox stayed full; public for
     * the routing package.
     */
    public boolean adopt(Object message, Object meta) {
        Envelope envelope = new Envelope(message, meta);
        return deliverDirect(envelope, system.sendTimeoutNanos(), false) == MailboxQueue.OK;
    }

    public int mailboxCapacity() {
        return mailbox.capacity();
    }

    /** For the dispatcher's runNext decision; called only by the thread running this actor. */
    public boolean mailboxLooksEmpty() {
        return mailbox.isEmpty();
    }

    public boolean isTerminated() {
        return lifecycle == DEAD;
    }

    public void markTask() {
        task = true;
    }

    /** Marks one of the runtime's own helpers, before it is published. */
    public void markInternal() {
        internal = true;
    }

    /** Returns true for a task's cell. */
    public boolean isTask() {
        return task;
    }

    /** True once the actor has begun to terminate. */
    public boolean isStopping() {
        return lifecycle >= STOPPING;
    }

    /** Sets what stops this actor's children when it terminates; actor thread only. */
    public void childStopper(Runnable stopper) {
        extras().childStopper = stopper;
    }

    /** Makes this actor's health computed by {@code source}; actor thread only. */
    public void healthSource(Supplier<Health> source) {
        extras().healthSource = source;
    }

    ExitReason exitReasonOrNull() {
        CellExtras<M> x = extras;
        return x == null ? null : x.exitReason;
    }

    /** Arranges for {@code started} to complete when init has run; call before the cell is scheduled. */
    public void onStarted(CompletableFuture<Void> started) {
        extras().started = started;
    }

    public CellExtras<M> extrasIfPresent() {
        return extras;
    }

    @SuppressWarnings("unchecked")
    public CellExtras<M> extras() {
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

    public static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
