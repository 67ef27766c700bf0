package io.heddle.internal.cell;

import io.heddle.internal.mailbox.EnvelopeMeta;
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
import io.heddle.internal.ref.Recipient;
import io.heddle.internal.signals.SignalState;
import io.heddle.internal.supervision.ChildRecord;
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
public final class ActorCell<M> extends CellReceive<M> implements Recipient<M> {

    public ActorCell(SystemImpl system, long id, String name, ActorCell<?> parent, MailboxQueue mailbox,
              Behavior<M> initial) {
        super(system, id, name, parent, mailbox, initial);
    }

    /** Returns the cell behind {@code ref}: every ActorRef is one. */
    public static ActorCell<?> of(ActorRef<?> ref) {
        return (ActorCell<?>) Objects.requireNonNull(ref, "ref");
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
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
    public boolean isAlive() {
        return lifecycle != DEAD;
    }

    @Override
    public CompletableFuture<ExitReason> termination() {
        LifecycleState<M> x = life();
        CompletableFuture<ExitReason> future = x.terminationFuture();
        // Only once termination has finished (mailbox drained, replies failed): the exit reason alone is set earlier.
        if (x.terminated) future.complete(x.exitReason);
        return future;
    }

    @Override
    public Health health() {
        LifecycleState<M> x = lifeOrNull();
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
    public void signal(Control message) {
        sendControl(message);
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
        ArrayDeque<Behavior<M>> stack = life().behaviorStack();
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
        LifecycleState<M> x = lifeOrNull();
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
        signals().exitTrap = adapter;
    }

    MonitorRef monitor(ActorCell<?> target, Function<? super Down, ? extends M> adapter) {
        if (target == this) throw new IllegalArgumentException(this + " cannot monitor itself");
        MonitorRef ref = system.newMonitorRef(target.pid());
        SignalState x = signals();
        if (x.monitoring == null) x.monitoring = new HashMap<>(4);
        x.monitoring.put(ref, new SignalState.Monitoring(target, adapter));
        if (!target.system().table().addWatcher(target, ref, this)) {
            sendControl(new Control.Down(ref, target, ExitReason.NOPROC));
        }
        return ref;
    }

    boolean demonitor(MonitorRef ref) {
        SignalState.Monitoring m = takeMonitoring(ref);
        if (m == null) return false;
        m.target().system().table().removeWatcher(m.target(), ref);
        return true;
    }

    void reportHealth(Health health) {
        life().health = health;
    }

    void addTerminateHook(Consumer<ExitReason> hook) {
        life().terminateHooks().add(hook);
    }

    /** Describes this actor from another thread: each field read once, without locks. */
    public ActorInfo describe(ActorCell<?> parentCell, List<Pid> links, List<Pid> monitors, List<Pid> monitoredBy,
                       List<String> names) {
        int now = system.coarseMillis();
        CellParts<M> x = parts;
        CallState calls = x == null ? null : x.calls;
        ChildRecord child = x == null ? null : x.child;
        int life = lifecycle;
        ActorState state = switch (life) {
            case NEW -> ActorState.STARTING;
            case STOPPING -> ActorState.STOPPING;
            case DEAD -> ActorState.STOPPED;
            default -> switch (schedState) {
                case IDLE -> ActorState.IDLE;
                case WAITING -> ActorState.WAITING;
                case TERMINATED -> ActorState.STOPPED;
                default -> calls != null && calls.awaiting != null ? ActorState.WAITING : ActorState.RUNNING;
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
                child == null ? null : child.childId(), child == null ? 0 : child.restarts(), mailbox.size(), mailbox.capacity(),
                processed, message == null ? null : message.getClass().getName(),
                message == null ? null : Duration.ofMillis(Math.max(0, now - since)),
                Duration.ofMillis(Math.max(0, now - startedAt)), links, monitors, monitoredBy, names, health);
    }

    /** Gives this actor a handover for the messages it will never handle; public for the routing package. */
    public void setHandover(Handover handover) {
        parts().handover = handover;
    }

    /**
     * Delivers a message another actor will never handle, with its call if it is one, without waiting longer than the
     * send timeout. Returns false, delivering nothing, if this actor has stopped or its mailbox stayed full; public for
     * the routing package.
     */
    public boolean acceptHandedOver(Object message, EnvelopeMeta meta) {
        Envelope envelope = new Envelope(message, meta);
        return deliverDirect(envelope, system.sendTimeoutNanos(), false) == MailboxQueue.OK;
    }

}
