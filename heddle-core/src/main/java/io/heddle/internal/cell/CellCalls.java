package io.heddle.internal.cell;

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
import io.heddle.internal.call.CallDeadline;
import io.heddle.internal.call.CallState;
import io.heddle.internal.call.WaitGraph;
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
 * The call protocol on the caller's side: building the request with its {@link PendingReply}, the one deadline
 * computation (the call's timeout bounded by the caller's scope), the call chain, and refusing a call that would close
 * a cycle of waiting actors (see {@link io.heddle.internal.call.WaitGraph}).
 */
abstract sealed class CellCalls<M> extends CellTurns<M> permits CellReceive {

    CellCalls(SystemImpl system, long id, String name, ActorCell<?> parent, MailboxQueue mailbox, Behavior<M> initial) {
        super(system, id, name, parent, mailbox, initial);
    }

    public <R> R call(Function<ReplyTo<R>, ? extends M> request) {
        return call(request, system.config().callTimeout());
    }

    public <R> R call(Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        return call(request, timeout, false);
    }

    public <R> R callUrgent(Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        return call(request, timeout, true);
    }

    <R> R call(Function<ReplyTo<R>, ? extends M> request, Duration timeout, boolean urgent) {
        Objects.requireNonNull(timeout, "timeout");
        ActorCell<?> caller = TurnRunner.currentCell();
        if (caller == this && !canSuspendHere()) {
            throw new IllegalStateException(this + " called itself: the call would wait for a reply only this actor "
                    + "could send, after the handler returns. Handle the request directly, cast to self, or spawn the "
                    + "actor with Reentrancy.FULL or CALL_CHAIN.");
        }
        RuntimeClock clock = system.clock();
        Object scope = (Scopes.CURRENT.isBound() ? Scopes.CURRENT.get() : null);
        CallDeadline deadline = CallDeadline.of(clock, timeout.toNanos(),
                scope == null ? Long.MAX_VALUE : scopeDeadline(scope, clock));
        CallState waits = caller == null || caller.isReaderThread() ? null : caller.calls();
        PendingReply<?> outer = waits == null ? null : waits.awaiting;
        try {
            PendingReply<R> reply = send(request, deadline, false, scope, caller, urgent);
            return reply.await(deadline.end(), waits == null ? null : caller);
        } finally {
            if (waits != null) waits.awaiting = outer;
        }
    }

    /**
     * Returns the deadline of the caller's scope on {@code clock}, or fails the call at once if the scope is cancelled
     * (which includes a deadline that has passed).
     */
    long scopeDeadline(Object scope, RuntimeClock clock) {
        Scopes.Access access = Scopes.access();
        String cancelled = access.cancelReason(scope);
        if (cancelled != null) {
            throw new CancelledException("call to " + this + " not made: its CancellationScope is cancelled ("
                    + cancelled + ")");
        }
        return access.deadlineOn(scope, clock);
    }

    public <R> CompletableFuture<R> callAsync(Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        RuntimeClock clock = system.clock();
        Object scope = (Scopes.CURRENT.isBound() ? Scopes.CURRENT.get() : null);
        CallDeadline deadline = CallDeadline.of(clock, timeout.toNanos(),
                scope == null ? Long.MAX_VALUE : scopeDeadline(scope, clock));
        PendingReply<R> reply = send(request, deadline, true, scope, TurnRunner.currentCell(), false);
        reply.armTimeout(clock, deadline.waitNanos());
        return reply.future();
    }

    /**
     * Builds and sends a request; failures to deliver settle the reply, which the caller then reports. A blocking call
     * from an actor records what the actor now waits on, and is refused if that closes a cycle of waiting actors.
     */
    <R> PendingReply<R> send(Function<ReplyTo<R>, ? extends M> request, CallDeadline deadline, boolean async,
                             Object scope, ActorCell<?> caller, boolean urgent) {
        Objects.requireNonNull(request, "request");
        yieldIfSimulated();
        system.checkNotStopped("call " + this);
        PendingReply<R> reply = new PendingReply<>(self(), deadline.start(), async);
        reply.scoped = scope != null;
        reply.deadline = deadline.scopeDeadline();
        reply.deadlineBound = deadline.boundByScope();
        reply.callDeadline = deadline.end();
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
        // A blocking caller waits for mailbox space within its deadline; an asynchronous one never waits.
        int outcome = deliver(envelope, async ? 0 : deadline.waitNanos(), urgent);
        if (outcome != MailboxQueue.OK) deadLetter(envelope, undeliveredReason(outcome));
        return reply;
    }

    /**
     * The chain a call from {@code caller} (the cell running here, or null outside actors) travels in: the chain of
     * the call its handler answers, extended by the caller; a new chain if the handler answers none.
     */
    static CallChain outgoingChain(ActorCell<?> caller) {
        CallChain bound = Chains.CURRENT.isBound() ? Chains.CURRENT.get() : null;
        if (caller == null) return bound;
        Pid me = caller.pid();
        return bound != null ? bound.extend(me) : new CallChain(caller.rootChainId(), List.of(me));
    }

    /** The id of the chain the current handler starts: one per handler under reentrancy, else one per call. */
    long rootChainId() {
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
    void enterWait(PendingReply<?> reply) {
        CallState x = calls();
        x.awaiting = reply;
        try {
            WaitGraph.refuseCycle(self(), reply);
        } catch (RuntimeException refused) {
            x.awaiting = null;
            throw refused;
        }
    }

    /** True if this actor, waiting in a call, would still handle the call {@code edge}: it is reentrant for it. */
    public boolean admitsWhileWaiting(PendingReply<?> edge) {
        CellScheduling s = sched;
        if (s == null) return false;
        return switch (s.reentrancy) {
            case NONE -> false;
            case FULL -> true;
            case CALL_CHAIN -> {
                CallState x = callsOrNull();
                PendingReply<?> mine = x == null ? null : x.awaiting;
                yield mine != null && mine.chain != null && edge.chain != null && mine.chain.id() == edge.chain.id();
            }
        };
    }

    /** Describes what this actor waits on, and onwards, for a timeout message; empty if it waits on no call. */
    public String describeWaits(ActorCell<?> caller) {
        return WaitGraph.describeWaits(self(), caller);
    }
}
