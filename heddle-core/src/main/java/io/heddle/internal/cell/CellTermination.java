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
import io.heddle.internal.ref.Recipient;
import io.heddle.internal.mailbox.Lanes;
import io.heddle.internal.signals.SignalState;
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
 * Stopping the actor: stop and kill requests, and termination on the actor's own thread (timers, children in reverse
 * order, terminate hooks, the mailbox drained to dead letters, replies failed, links and monitors told, the future
 * completed).
 */
abstract sealed class CellTermination<M> extends CellDelivery<M> permits CellHandlers {

    CellTermination(SystemImpl system, long id, String name, ActorCell<?> parent, MailboxQueue mailbox, Behavior<M> initial) {
        super(system, id, name, parent, mailbox, initial);
    }

    /** Runs one turn of this actor on the calling thread; the caller has moved it from IDLE to SCHEDULED. */
    void runTurnInline() {
        boolean callerInterrupted = Thread.interrupted(); // the caller's, not the actor's: kept aside, then restored
        InlineRunner carrier = new InlineRunner(self());
        try {
            runTurn();
        } finally {
            carrier.release();
            if (callerInterrupted) Thread.currentThread().interrupt();
        }
    }

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

    void stop(ExitReason reason, boolean inlineIfIdle) {
        LifecycleState<M> x = lifeOrNull();
        Runnable hook = x == null ? null : x.stopHook;
        if (hook != null) hook.run();
        if (!inlineIfIdle) {
            sendControl(new Control.Stop(reason));
            return;
        }
        if (lifecycle == DEAD) return;
        controlLane().offer(new Control.Stop(reason));
        if (schedState == IDLE && SCHED.compareAndSet(self(), IDLE, SCHEDULED)) {
            if (terminatesWithoutUserCode()) runTurnInline();
            else scheduler.schedule(self());
        } else {
            signalWork();
        }
    }

    /** Owner of the turn only (after moving it to SCHEDULED): true if terminating would run no user code. */
    boolean terminatesWithoutUserCode() {
        CellParts<M> p = parts;
        if (classActor != null) return false;
        if (p == null) return true;
        LifecycleState<M> x = p.lifecycle;
        TableEntry family = p.table;
        return (x == null || (x.terminateHooks == null && x.childStopper == null))
                && (family == null || !family.hasChildren());
    }

    public void kill() {
        if (lifecycle == DEAD) return;
        killRequested = true;
        sendControl(Control.KILL);
        interruptRunner();
    }

    void terminate(ExitReason reason) {
        terminate(reason, true);
    }

    void terminate(ExitReason reason, boolean runHooks) {
        if (lifecycle >= STOPPING) return;
        lifecycle = STOPPING;
        CellParts<M> p = parts;
        if (p != null && p.timers != null) {
            p.timers.forEach(TimerHandle::cancel);
            p.timers = null;
        }
        boolean killed = reason instanceof ExitReason.Killed;
        stopChildren(killed);
        if (runHooks && !killed) runTerminateHooks(reason);

        LifecycleState<M> x = life();
        x.exitReason = reason;
        lifecycle = DEAD;
        mailbox.closeAndDrain(e -> deadLetter(e, DeadLetter.Reason.RECIPIENT_STOPPED));
        // Closed even if never used: a castUrgent racing with termination must find the lane closed.
        Lanes lanes = lanes();
        lanes.urgentClosed = true;
        if (lanes.urgent != null) {
            Envelope e;
            while ((e = lanes.urgent.poll()) != null) deadLetter(e, DeadLetter.Reason.RECIPIENT_STOPPED);
        }
        drainToDeadLetters(lanes.pendingUrgent);
        lanes.pendingUrgent = null;
        drainToDeadLetters(lanes.pending);
        drainToDeadLetters(lanes.stash);
        lanes.pending = null;
        lanes.stash = null;
        ConcurrentLinkedQueue<Control> lane = control;
        if (lane != null) lane.clear();
        CallState calls = callsOrNull();
        if (calls != null && calls.deferredReplies != null) {
            for (PendingReply<?> reply : calls.deferredReplies) {
                reply.stoppedAfterHandling(reason);
            }
            calls.deferredReplies = null;
        }
        releaseSuspended();
        ActorObserver observer = system.observer;
        String label = observer == null ? null : label();
        ActorKind kind = kind();
        ActorTable.Departure departure = system.table().remove(self());
        behavior = null;
        classActor = null;
        x.behaviorStack = null;
        x.terminateHooks = null;
        x.childStopper = null;
        x.healthSource = null;
        SignalState signals = signalsOrNull();
        if (signals != null) {
            signals.monitoring = null;
            signals.exitTrap = null;
        }
        // Observers hear of the stop before anyone else can react to it (a supervisor restarting the actor, a caller
        // waiting on termination()), so that what they report is never behind what the system has done.
        if (observer != null) {
            Duration lifetime = Duration.ofMillis(system.coarseMillis() - startedAt);
            Observers.safely(observer, "actorStopped", () -> observer.actorStopped(pid(), name, label, kind, reason,
                    lifetime));
        }
        for (Recipient<?> peer : departure.links()) peer.signal(new Control.Exit(self(), reason, false));
        departure.watchers().forEach((ref, watcher) -> watcher.signal(new Control.Down(ref, self(), reason)));
        // Written before the future is read, as termination() creates the future before reading it (Dekker): one of
        // the two completes it, never neither.
        x.terminated = true;
        CompletableFuture<ExitReason> future = x.termination;
        if (future != null) future.complete(reason);
        if (x.started != null) {
            x.started.completeExceptionally(new IllegalStateException("stopped before init completed: " + reason));
        }
    }

    void drainToDeadLetters(ArrayDeque<Envelope> envelopes) {
        if (envelopes == null) return;
        Envelope e;
        while ((e = envelopes.pollFirst()) != null) deadLetter(e, DeadLetter.Reason.RECIPIENT_STOPPED);
    }

    void stopChildren(boolean killed) {
        LifecycleState<M> x = lifeOrNull();
        if (!killed && x != null && x.childStopper != null) {
            try {
                x.childStopper.run();
            } catch (Throwable failure) {
                LOG.log(Level.ERROR, "stopping the children of " + this + " failed; stopping the rest by default",
                        failure);
            }
        }
        List<ActorCell<?>> children = system.childrenNewestFirst(self());
        Duration timeout = system.config().shutdownTimeout();
        for (ActorCell<?> child : children) {
            if (killed) child.kill();
            else system.stopAndAwait(child, ExitReason.SHUTDOWN, timeout);
        }
    }

    void runTerminateHooks(ExitReason reason) {
        if (classActor != null) terminateClassActor(classActor, reason);
        LifecycleState<M> x = lifeOrNull();
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

    void terminateClassActor(Actor<?> actor, ExitReason reason) {
        try {
            ActorAccess.get().terminate(actor, reason);
        } catch (Throwable failure) {
            LOG.log(Level.WARNING, "terminate(" + reason + ") of " + this + " threw; ignored", failure);
        }
    }

    void interruptRunner() {
        Object r = runner;
        if (r instanceof Thread t && RUNNER.compareAndSet(self(), t, INTERRUPTING)) {
            try {
                t.interrupt();
            } finally {
                runner = t;
            }
        }
    }
}
