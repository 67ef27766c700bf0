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
 * Running one handler on the holder's thread: init and setup behaviors, the invocation with the call's scope and chain
 * bound, what follows it (the next behavior, failures, deferred replies), and handler timeouts.
 */
abstract sealed class CellHandlers<M> extends CellTermination<M> permits CellReads {

    CellHandlers(SystemImpl system, long id, String name, ActorCell<?> parent, MailboxQueue mailbox, Behavior<M> initial) {
        super(system, id, name, parent, mailbox, initial);
    }

    static HandlerKind kindOf(Envelope envelope) {
        return switch (envelope.meta) {
            case PendingReply<?> _ -> HandlerKind.CALL;
            case TimerHandle _ -> HandlerKind.TIMER;
            case Traced _, EnvelopeMeta.None _ -> HandlerKind.CAST;
        };
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
        LifecycleState<M> x = lifeOrNull();
        if (x != null && x.started != null) x.started.complete(null);
        notifyStarted();
    }

    void notifyStarted() {
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
    boolean initialize() {
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
            LifecycleState<M> x = lifeOrNull();
            if (x != null && x.started != null) x.started.completeExceptionally(failure);
            LOG.log(Level.WARNING, "actor " + this + " failed to start", failure);
            terminate(ExitReason.error(failure), false);
            return false;
        }
        lifecycle = RUNNING;
        notifyStarted();
        LifecycleState<M> x = lifeOrNull();
        if (x != null && x.started != null) x.started.complete(null);
        if (pendingExit != null) terminate(pendingExit);
        return lifecycle == RUNNING;
    }

    /** Turns a behavior into one that can receive: runs setup factories, binds and inits class-style actors. */
    @SuppressWarnings("unchecked")
    Behavior<M> resolve(Behavior<M> candidate) throws Exception {
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
    boolean handle(Envelope envelope, HandlerKind kind) {
        EnvelopeMeta meta = envelope.meta;
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
                if (meta instanceof PendingReply<?> call) call.stoppedAfterHandling(exitReasonOrNull());
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
    Behavior<M> invoke(EnvelopeMeta meta, M message, HandlerRun run, HandlerKind kind) throws Exception {
        ActorObserver observer = system.observer;
        if (observer == null || internal || !observer.tracesMessages()) return invokeBound(meta, message, run);
        Object carried = switch (meta) {
            case Traced traced -> traced.carried();
            case PendingReply<?> call -> call.carried;
            case TimerHandle _, EnvelopeMeta.None _ -> null;
        };
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

    Behavior<M> invokeBound(EnvelopeMeta meta, M message, HandlerRun run) throws Exception {
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
    void finish(Envelope envelope, HandlerKind kind, HandlerRun run, long start, Behavior<M> next,
                        Throwable failure, boolean stashed, boolean readOnly) {
        processed++;
        EnvelopeMeta meta = envelope.meta;
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
        if (meta instanceof PendingReply<?> reply && !reply.isDone()) calls().deferReply(reply);
        envelope.clear();
    }

    void crash(Throwable failure, Object message) {
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

    /** Starts tracking a handler: its timeout timer, and under CANCEL and STOP its deadline. */
    HandlerRun beginRun(CellScheduling s, Envelope envelope, HandlerKind kind, Class<?> type) {
        RuntimeClock clock = system.clock();
        long now = clock.nanoTime();
        long deadline = s.timeoutNanos == 0 || s.action == TimeoutAction.WARN ? Long.MAX_VALUE
                : Nanos.saturatedAdd(now, s.timeoutNanos);
        HandlerRun run = new HandlerRun(Thread.currentThread(), envelope, kind, type, now, deadline);
        if (s.timeoutNanos > 0) run.timer = clock.schedule(s.timeoutNanos, () -> handlerTimedOut(run));
        return run;
    }

    /** On the timer thread, when a handler's timeout passes: report it, then act. */
    void handlerTimedOut(HandlerRun run) {
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

    HandlerTimeoutException timeoutException(HandlerRun run) {
        CellScheduling s = sched;
        String what = run.kind == HandlerKind.INIT ? "init" : "the handler for " + run.messageType.getSimpleName();
        return new HandlerTimeoutException(pid(), run.messageType, s.timeout, what + " of " + this + " overran its "
                + "handler timeout of " + s.timeout.toMillis() + " ms and was "
                + (s.action == TimeoutAction.STOP ? "stopped with the actor" : "cancelled")
                + ". Make the handler faster, move slow work to a task, or raise Scheduling.handlerTimeout.");
    }

    /** On the actor's thread, after a handler that overran its timeout: the actor's hook. */
    void reportSlowHandler(HandlerRun run, TimeoutAction action) {
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
}
