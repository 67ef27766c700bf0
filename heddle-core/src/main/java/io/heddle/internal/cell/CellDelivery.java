package io.heddle.internal.cell;

import io.heddle.internal.mailbox.EnvelopeMeta;
import io.heddle.internal.time.Nanos;
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
import io.heddle.internal.mailbox.Lanes;
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
 * Sending to the actor: the mailbox, the urgent lane and the control lane, waiting for space in a full mailbox, the
 * hand-off to a turn, and dead letters for what cannot be delivered. Called from any thread.
 */
abstract sealed class CellDelivery<M> extends CellCore<M> permits CellTermination {

    CellDelivery(SystemImpl system, long id, String name, ActorCell<?> parent, MailboxQueue mailbox, Behavior<M> initial) {
        super(system, id, name, parent, mailbox, initial);
    }

    /** A scheduling point before a client's send, in a simulation (see {@link SystemRuntime#yieldAtSends()}). */
    void yieldIfSimulated() {
        if (system.yieldAtSends && TurnRunner.current() == null) Thread.yield();
    }

    /** The envelope's meta for a send without a reply: what the observers carry with it, or none. */
    EnvelopeMeta traced(Object message) {
        ActorObserver observer = system.observer;
        if (observer == null || internal || !observer.tracesMessages()) return EnvelopeMeta.NONE;
        Object carried = Observers.onSend(observer, pid(), message);
        return carried == null ? EnvelopeMeta.NONE : new Traced(carried);
    }

    /**
     * Puts {@code envelope} in the mailbox and makes sure a turn will run, waiting up to {@code waitNanos} for space
     * in a full fixed mailbox; an urgent envelope goes to the urgent lane instead, without waiting. Returns
     * {@link MailboxQueue#OK}, {@link MailboxQueue#FULL}, {@link #DROPPED} or {@link MailboxQueue#CLOSED}.
     */
    public int deliver(Envelope envelope, long waitNanos, boolean urgent) {
        DeliveryInterceptor interceptor = system.interceptor;
        if (interceptor != null) {
            switch (interceptor.intercept(self(), envelope.message)) {
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

    int deliverDirect(Envelope envelope, long waitNanos, boolean urgent) {
        if (urgent) return deliverUrgent(envelope);
        int outcome = mailbox.offer(envelope, self());
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
    int deliverUrgent(Envelope envelope) {
        Lanes x = lanes();
        if (x.urgentClosed) return MailboxQueue.CLOSED;
        ConcurrentLinkedQueue<Envelope> lane = x.urgentLane();
        lane.offer(envelope);
        if (x.urgentClosed && lane.remove(envelope)) return MailboxQueue.CLOSED;
        signalWork();
        return MailboxQueue.OK;
    }

    int offerWaiting(Envelope envelope, long waitNanos) {
        RuntimeClock clock = system.clock();
        long deadline = Nanos.saturatedAdd(clock.nanoTime(), waitNanos);
        Thread me = Thread.currentThread();
        TurnRunner blocked = null;
        try {
            for (;;) {
                mailbox.registerWaiter(me);
                int outcome = mailbox.offer(envelope, self());
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
                clock.parkNanos(self(), remaining);
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

    static DeadLetter.Reason undeliveredReason(int outcome) {
        return switch (outcome) {
            case MailboxQueue.FULL -> DeadLetter.Reason.MAILBOX_FULL;
            case DROPPED -> DeadLetter.Reason.DROPPED;
            case INTERCEPTED -> DeadLetter.Reason.INJECTED_FAULT;
            default -> DeadLetter.Reason.RECIPIENT_STOPPED;
        };
    }

    /** Makes sure a turn will see the new work. Called by senders after a successful enqueue. */
    void signalWork() {
        int state = schedState;
        if (state == IDLE) {
            if (SCHED.compareAndSet(self(), IDLE, SCHEDULED)) scheduler.schedule(self());
        } else if (state == WAITING) {
            if (runner instanceof Thread t) LockSupport.unpark(t);
        }
    }

    void sendControl(Control message) {
        if (lifecycle == DEAD) return;
        controlLane().offer(message);
        signalWork();
    }

    ConcurrentLinkedQueue<Control> controlLane() {
        ConcurrentLinkedQueue<Control> lane = control;
        if (lane == null) {
            lane = new ConcurrentLinkedQueue<>();
            if (!CONTROL.compareAndSet(self(), null, lane)) lane = control;
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
        EnvelopeMeta meta = envelope.meta;
        if (meta instanceof TimerHandle timer && timer.isCancelled()) return; // cancelled on purpose: not a loss
        if (reason == DeadLetter.Reason.RECIPIENT_STOPPED && !(meta instanceof TimerHandle)) {
            CellParts<M> x = parts;
            Handover handover = x == null ? null : x.handover;
            if (handover != null && handover.takeOver(self(), envelope.message, meta)) return;
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

    <T> T requireMessage(T message, String operation) {
        if (message == null) {
            throw new NullPointerException("message must not be null (" + operation + " to " + this + "); send a "
                    + "record, for example an empty one, to signal an event without data");
        }
        return message;
    }
}
