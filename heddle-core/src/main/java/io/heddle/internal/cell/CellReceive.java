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
 * What a handler takes out of order: selective receive (with exit signals and down notices as messages), stash and
 * unstash, and the actor's timers.
 */
abstract sealed class CellReceive<M> extends CellCalls<M> permits ActorCell {

    CellReceive(SystemImpl system, long id, String name, ActorCell<?> parent, MailboxQueue mailbox, Behavior<M> initial) {
        super(system, id, name, parent, mailbox, initial);
    }

    Cancellable startTimer(M message, Duration delay, boolean periodic) {
        requireMessage(message, periodic ? "sendInterval" : "sendAfter");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || (periodic && delay.isZero())) {
            throw new IllegalArgumentException((periodic ? "interval" : "delay") + " must be "
                    + (periodic ? "positive" : "zero or positive") + ", got " + delay);
        }
        TimerHandle handle = new TimerHandle(self(), message, periodic);
        java.util.HashSet<TimerHandle> timers = parts().timers();
        if (timers.size() >= 64) timers.removeIf(TimerHandle::isCancelled);
        timers.add(handle);
        long nanos = delay.toNanos();
        handle.arm(periodic ? system.clock().scheduleAtFixedRate(nanos, nanos, handle)
                : system.clock().schedule(nanos, handle));
        return handle;
    }

    void removeTimer(TimerHandle timer) {
        CellParts<M> x = parts;
        if (x != null && x.timers != null) x.timers.remove(timer);
    }

    void stashCurrent() {
        Envelope e = current;
        if (e == null) {
            throw new IllegalStateException("stash() on " + this + " outside a message handler, or twice for one "
                    + "message");
        }
        lanes().stash().addLast(e);
        current = null;
    }

    void unstashAll() {
        Lanes x = lanesOrNull();
        if (x == null || x.stash == null || x.stash.isEmpty()) return;
        ArrayDeque<Envelope> pending = x.pending();
        Iterator<Envelope> newestFirst = x.stash.descendingIterator();
        while (newestFirst.hasNext()) pending.addFirst(newestFirst.next());
        x.stash.clear();
    }

    int stashSize() {
        Lanes x = lanesOrNull();
        return x == null || x.stash == null ? 0 : x.stash.size();
    }

    @SuppressWarnings("unchecked")
    Optional<M> selectiveReceive(Predicate<? super M> matcher, Duration timeout) {
        Lanes x = lanes();
        ArrayDeque<Envelope> pending = x.pending();
        Envelope saved = takeMatching(x.pendingUrgent, matcher);
        if (saved == null) saved = takeMatching(pending, matcher);
        if (saved != null) return Optional.of(take(saved));
        RuntimeClock clock = system.clock();
        long deadline = Nanos.saturatedAdd(clock.nanoTime(), timeout.toNanos());
        Object scope = (Scopes.CURRENT.isBound() ? Scopes.CURRENT.get() : null);
        if (scope != null) deadline = Math.min(deadline, Scopes.access().deadlineOn(scope, clock)); // bounded too
        TurnRunner blocked = null;
        try {
            for (;;) {
                for (Object signal : signalMessages()) {
                    if (matcher.test((M) signal)) {
                        return Optional.of((M) signal);
                    }
                    pending.addLast(new Envelope(signal, EnvelopeMeta.NONE));
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
                clock.parkNanos(self(), remaining);
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
    Envelope takeMatching(ArrayDeque<Envelope> queue, Predicate<? super M> matcher) {
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

    boolean hasSignals() {
        ConcurrentLinkedQueue<Control> lane = control;
        if (lane == null) return false;
        for (Control c : lane) {
            if (c instanceof Control.Down || c instanceof Control.Exit) return true;
        }
        return false;
    }

    ActorInterruptedException interruptedReceive() {
        return new ActorInterruptedException("selective receive in " + this + " was interrupted"
                + (killRequested ? ": the actor is being killed" : ""));
    }

    static boolean isCancelledTimer(Envelope e) {
        return e.meta instanceof TimerHandle timer && timer.isCancelled();
    }

    /** Hands a message taken by selective receive to the handler; a call in it is now the handler's to answer. */
    @SuppressWarnings("unchecked")
    M take(Envelope e) {
        M message = (M) e.message;
        if (e.meta instanceof PendingReply<?> reply) calls().deferReply(reply);
        else if (e.meta instanceof TimerHandle timer && !timer.periodic) removeTimer(timer);
        e.clear();
        return message;
    }
}
