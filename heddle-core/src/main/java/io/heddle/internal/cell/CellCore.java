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
import io.heddle.internal.call.CallState;
import io.heddle.internal.mailbox.Lanes;
import io.heddle.internal.signals.SignalState;
import io.heddle.internal.supervision.ChildRecord;
import io.heddle.internal.table.TableEntry;
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
 * An actor cell's identity and state: the fields every level of the cell shares, the two state machines (scheduling:
 * IDLE, SCHEDULED, WAITING, TERMINATED; lifecycle: NEW, RUNNING, STOPPING, DEAD; see {@link CellStates}), and the
 * per-concern parts that most actors never allocate.
 *
 * <p>The cell is split by concern into a chain of classes, each one file, all in this package and sharing these fields:
 * {@link CellDelivery} (sending) then {@link CellTermination}, {@link CellHandlers} (running one handler, init, handler
 * timeouts), {@link CellReads} (concurrent read-only handlers), {@link CellTurns} (the turn loop, the control lane,
 * reentrancy), {@link CellCalls} (the call protocol), {@link CellReceive} (selective receive, stash, timers) and
 * {@link ActorCell} (the reference and the context). A chain rather than separate objects keeps an idle actor one
 * object of the same size as before the split.
 */
abstract sealed class CellCore<M> permits CellDelivery {

    CellCore(SystemImpl system, long id, String name, ActorCell<?> parent, MailboxQueue mailbox, Behavior<M> initial) {
        this.system = system;
        this.id = id;
        this.name = name;
        this.parent = parent;
        this.mailbox = mailbox;
        this.behavior = initial;
        this.context = new CellContext<>(self());
        this.startedAt = system.coarseMillis();
        if (initial instanceof Actor<M> actor && !ActorAccess.get().bind(actor, context)) {
            throw new IllegalStateException(actor.getClass().getName() + " instance was spawned before: an Actor "
                    + "instance belongs to one actor; spawn a new instance (supervisors take a factory for this)");
        }
    }

    /** This cell as the leaf class it always is. */
    @SuppressWarnings("unchecked")
    final ActorCell<M> self() {
        return (ActorCell<M>) this;
    }

    static final System.Logger LOG = System.getLogger("io.heddle.actor");

    static final int IDLE = 0;

    static final int SCHEDULED = 1;

    static final int WAITING = 2;

    static final int TERMINATED = 3;

    static final int NEW = 0;

    static final int RUNNING = 1;

    static final int STOPPING = 2;

    static final int DEAD = 3;

    static final Object INTERRUPTING = new Object();

    static final VarHandle SCHED;

    static final VarHandle RUNNER;

    static final VarHandle CONTROL;

    static final VarHandle PARTS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SCHED = lookup.findVarHandle(CellCore.class, "schedState", int.class);
            RUNNER = lookup.findVarHandle(CellCore.class, "runner", Object.class);
            CONTROL = lookup.findVarHandle(CellCore.class, "control", ConcurrentLinkedQueue.class);
            PARTS = lookup.findVarHandle(CellCore.class, "parts", CellParts.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final SystemImpl system;

    final long id;

    final String name;

    final ActorCell<?> parent;

    final MailboxQueue mailbox;

    final CellContext<M> context;

    /** Set once by the system before the cell is first scheduled. */
    TurnScheduler scheduler;

    /** Set once by the system before the cell is published, for an actor with a non-default scheduling; else null. */
    CellScheduling sched;

    @SuppressWarnings("unused") // accessed through SCHED
    volatile int schedState = SCHEDULED;

    volatile int lifecycle = NEW;

    @SuppressWarnings("unused") // accessed through RUNNER
    volatile Object runner;

    @SuppressWarnings("unused") // accessed through CONTROL
    volatile ConcurrentLinkedQueue<Control> control;

    volatile boolean killRequested;

    /** Set once, before the cell is published, for a task (io.heddle.task): for inspection. */
    boolean task;

    /** Set once, before the cell is published, for the runtime's own helpers: observers do not hear of them. */
    boolean internal;

    /** What most actors never use, by concern; null until the first concern needs its part. */
    volatile CellParts<M> parts;

    /** When the actor was spawned, on the system's coarse clock (milliseconds since the system started). */
    final int startedAt;

    // Written by the actor thread, read by inspection without synchronisation (a snapshot may be a moment old).
    /** Messages handled; wraps. */
    int processed;

    /** When the current handler started, on the coarse clock; meaningful while {@code current} is set. */
    int handlingSince;

    // Actor thread only.
    Behavior<M> behavior;

    Actor<?> classActor;

    Envelope current;

    ExitReason pendingExit;

    // Guarded by the system's ActorTable lock.
    public ActorCell<?> prevSibling;

    public ActorCell<?> nextSibling;

    public void setScheduler(TurnScheduler scheduler) {
        this.scheduler = scheduler;
    }

    public void setScheduling(CellScheduling scheduling) {
        this.sched = scheduling;
    }

    static final int DROPPED = 3;

    /** Dropped by the test kit's fault injection: to the sender it looks delivered. */
    static final int INTERCEPTED = 4;

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
        life().childStopper = stopper;
    }

    /** Makes this actor's health computed by {@code source}; actor thread only. */
    public void healthSource(Supplier<Health> source) {
        life().healthSource = source;
    }

    ExitReason exitReasonOrNull() {
        LifecycleState<M> l = lifeOrNull();
        return l == null ? null : l.exitReason;
    }

    /** Arranges for {@code started} to complete when init has run; call before the cell is scheduled. */
    public void onStarted(CompletableFuture<Void> started) {
        life().started = started;
    }

    /** The future {@link #onStarted} set, or null. */
    public CompletableFuture<Void> startedFuture() {
        LifecycleState<M> l = lifeOrNull();
        return l == null ? null : l.started;
    }

    /** Sets what runs on the stopping thread when the actor is asked to stop; before the cell is published. */
    public void onStopRequested(Runnable hook) {
        life().stopHook = hook;
    }

    /** Records a supervisor's child spec id and restart count; before the cell is published. */
    public void childRecord(ChildRecord record) {
        parts().child = record;
    }

    @SuppressWarnings("unchecked")
    final CellParts<M> parts() {
        CellParts<M> p = parts;
        if (p == null) {
            p = new CellParts<>();
            if (!PARTS.compareAndSet(this, null, p)) p = (CellParts<M>) PARTS.getVolatile(this);
        }
        return p;
    }

    /** This actor's entry in the actor table, created on first use; caller holds the table's lock. */
    public final TableEntry tableEntry() {
        return parts().table();
    }

    /** This actor's entry in the actor table, or null if it never had one; caller holds the table's lock. */
    public final TableEntry tableEntryIfPresent() {
        CellParts<M> p = parts;
        return p == null ? null : p.table;
    }

    final Lanes lanes() {
        return parts().lanes();
    }

    final Lanes lanesOrNull() {
        CellParts<M> p = parts;
        return p == null ? null : p.lanes;
    }

    final CallState calls() {
        return parts().calls();
    }

    /** This actor's call state, or null if it never called or deferred a reply. Any thread. */
    public final CallState callsOrNull() {
        CellParts<M> p = parts;
        return p == null ? null : p.calls;
    }

    final SignalState signals() {
        return parts().signals();
    }

    /** The monitors this actor holds and its exit trap, or null if it never had any. */
    public final SignalState signalsOrNull() {
        CellParts<M> p = parts;
        return p == null ? null : p.signals;
    }

    final LifecycleState<M> life() {
        return parts().lifecycle();
    }

    final LifecycleState<M> lifeOrNull() {
        CellParts<M> p = parts;
        return p == null ? null : p.lifecycle;
    }

    /** Returns this actor's pid. */
    public Pid pid() {
        return Pid.local(id);
    }

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

    /** Runs one turn; see {@link CellTurns}. */
    abstract void runTurn();

    /** Wakes handlers suspended under reentrancy, on termination; see {@link CellTurns}. */
    abstract void releaseSuspended();

    /** Adds a hook that runs when the actor terminates; see {@link ActorCell}. */
    abstract void addTerminateHook(java.util.function.Consumer<ExitReason> hook);

    /** Forgets a one-shot timer that has fired; see {@link CellReceive}. */
    abstract void removeTimer(TimerHandle timer);
}
