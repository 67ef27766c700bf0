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
import io.heddle.internal.mailbox.Lanes;
import io.heddle.internal.signals.SignalState;
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
 * The turn loop: control messages first, then up to the actor's throughput of user messages, then letting go of the
 * actor (to IDLE, or to a handler that waits to resume). Also reentrancy: a handler that waits lets go of the actor and
 * takes it back when its wait ends; see {@link io.heddle.internal.sched.CellScheduling}.
 */
abstract sealed class CellTurns<M> extends CellReads<M> permits CellCalls {

    CellTurns(SystemImpl system, long id, String name, ActorCell<?> parent, MailboxQueue mailbox, Behavior<M> initial) {
        super(system, id, name, parent, mailbox, initial);
    }

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
                CallState calls = callsOrNull();
                if (calls != null && calls.deferredReplies != null) calls.pruneDeferredReplies();
                releaseRunner(me);
                afterTurn();
            } else {
                Thread.interrupted(); // an interrupt aimed at a handler of this actor must not reach the next actor
            }
        }
    }

    void releaseRunner(Thread me) {
        releaseRunnerKeepingInterrupt(me);
        // An interrupt aimed at this actor's handler must not reach the next actor run on this thread.
        Thread.interrupted();
    }

    void releaseRunnerKeepingInterrupt(Thread me) {
        if (!RUNNER.compareAndSet(self(), me, null)) {
            while (runner == INTERRUPTING) Thread.onSpinWait();
            runner = null;
        }
    }

    void afterTurn() {
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
    void releaseTurn(boolean fresh) {
        schedState = IDLE;
        CellScheduling s = sched;
        if (s != null && !s.resumers.isEmpty() && SCHED.compareAndSet(self(), IDLE, SCHEDULED)) {
            if (handOff(s)) return;
            schedState = IDLE;
        }
        if (hasWork() && SCHED.compareAndSet(self(), IDLE, SCHEDULED)) {
            if (fresh) scheduler.schedule(self());
            else scheduler.yieldTurn(self());
        }
    }

    /** The holder hands the actor to the first resumer; returns false if there is none. */
    static boolean handOff(CellScheduling s) {
        Thread next = s.resumers.poll();
        if (next == null) return false;
        s.grantedTo = next;
        LockSupport.unpark(next);
        return true;
    }

    /** Holder only: true if a turn would find something to do. */
    boolean hasWork() {
        ConcurrentLinkedQueue<Control> lane = control;
        if (lane != null && !lane.isEmpty()) return true;
        Lanes x = lanesOrNull();
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

    Envelope nextEnvelope() {
        Lanes x = lanesOrNull();
        if (x != null) {
            Envelope e = x.pollUrgent();
            if (e != null) return e;
            if (x.pending != null && (e = x.pending.pollFirst()) != null) return e;
        }
        return mailbox.poll();
    }

    /**
     * For a CALL_CHAIN actor with a handler suspended: the first message it admits, in the usual order; the others are
     * put aside, in order, for when no handler is suspended.
     */
    Envelope nextAdmitted(CellScheduling s) {
        Lanes x = lanes();
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

    static Envelope takeAdmitted(ArrayDeque<Envelope> queue, CellScheduling s) {
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

    /** Handles a control message; returns false if this thread no longer holds the actor (see {@link #handle}). */
    boolean handleControl(Control signal) {
        switch (signal) {
            case Control.Stop(ExitReason reason) -> terminate(reason);
            case Control.Kill k -> terminate(ExitReason.KILLED);
            case Control.Exit exit -> {
                if (!exit.unconditional() && !system.table().consumeLink(self(), exit.from())) return true;
                Function<? super ExitSignal, ?> trap = exitTrap();
                if (trap != null) {
                    return deliverSignal(exit, () -> adaptExit(exit, trap));
                } else if (exit.reason().isAbnormal()) {
                    terminate(ExitReason.linked(exit.from().pid(), exit.reason()));
                }
            }
            case Control.Down down -> {
                SignalState.Monitoring m = takeMonitoring(down.monitor());
                if (m != null) return deliverSignal(down, () -> adaptDown(down, m));
            }
        }
        return true;
    }

    SignalState.Monitoring takeMonitoring(MonitorRef ref) {
        SignalState x = signalsOrNull();
        return x == null || x.monitoring == null ? null : x.monitoring.remove(ref);
    }

    /** The adapter of exit signals while the actor traps exits, else null. */
    Function<? super ExitSignal, ?> exitTrap() {
        SignalState x = signalsOrNull();
        return x == null ? null : x.exitTrap;
    }

    // The one path from a signal to a user message: the actor's adapter, which must return a message.

    static Object adaptDown(Control.Down down, SignalState.Monitoring m) {
        return adapted(m.adapter().apply(new Down(down.monitor(), down.target(), down.reason())), "monitor", down);
    }

    static Object adaptExit(Control.Exit exit, Function<? super ExitSignal, ?> trap) {
        return adapted(trap.apply(new ExitSignal(exit.from(), exit.reason())), "trapExits", exit);
    }

    private static Object adapted(Object message, String adapter, Control signal) {
        if (message == null) {
            throw new NullPointerException("the adapter given to " + adapter + " returned null for " + signal
                    + "; it must return a message");
        }
        return message;
    }

    /** Hands an exit signal or down notice, turned into a message by the actor's adapter, to its behavior. */
    boolean deliverSignal(Control signal, Supplier<Object> adapt) {
        Object message;
        try {
            message = adapt.get();
        } catch (Throwable failure) {
            crash(failure, signal);
            return true;
        }
        return handle(new Envelope(message, EnvelopeMeta.NONE), HandlerKind.SIGNAL);
    }

    /**
     * For selective receive: takes the exit signals and down notices this actor would handle as messages out of the
     * control lane, in order, and returns them as messages. Stop, kill and exits that would stop the actor stay.
     */
    List<Object> signalMessages() {
        ConcurrentLinkedQueue<Control> lane = control;
        if (lane == null || lane.isEmpty()) return List.of();
        List<Object> messages = new ArrayList<>(2);
        for (Iterator<Control> it = lane.iterator(); it.hasNext(); ) {
            Control signal = it.next();
            if (signal instanceof Control.Down down) {
                it.remove();
                SignalState.Monitoring m = takeMonitoring(down.monitor());
                if (m != null) messages.add(adaptDown(down, m));
            } else if (signal instanceof Control.Exit exit) {
                Function<? super ExitSignal, ?> trap = exitTrap();
                if (trap == null) continue;
                it.remove();
                if (!exit.unconditional() && !system.table().consumeLink(self(), exit.from())) continue;
                messages.add(adaptExit(exit, trap));
            }
        }
        return messages;
    }

    /** True if a handler of this actor runs on this thread and may suspend in a wait (a reentrant self-call). */
    boolean canSuspendHere() {
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
            if (schedState == IDLE && SCHED.compareAndSet(self(), IDLE, SCHEDULED)) {
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
            LockSupport.park(self());
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
    void releaseSuspended() {
        CellScheduling s = sched;
        if (s == null) return;
        for (HandlerRun run : s.suspended) run.thread.interrupt();
        s.suspended.clear();
        for (Thread t : s.resumers) LockSupport.unpark(t);
    }
}
