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
 * Concurrent read-only handlers: a run of {@link io.heddle.scheduling.ReadOnly} messages handled at once, each on a
 * virtual thread of its own, finished by the holder in order.
 */
abstract sealed class CellReads<M> extends CellHandlers<M> permits CellTurns {

    CellReads(SystemImpl system, long id, String name, ActorCell<?> parent, MailboxQueue mailbox, Behavior<M> initial) {
        super(system, id, name, parent, mailbox, initial);
    }

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
    int runReads(Envelope first, CellScheduling s, int budget) {
        ArrayList<Envelope> batch = new ArrayList<>(Math.min(s.readParallelism, 16));
        batch.add(first);
        Lanes x = lanesOrNull();
        while (batch.size() < s.readParallelism && batch.size() <= budget) {
            if (x != null && x.hasUrgent()) {
                break; // an urgent message goes first
            }
            Envelope next = x != null && x.pending != null && !x.pending.isEmpty() ? x.pending.pollFirst()
                    : mailbox.poll();
            if (next == null) break;
            if (!(next.message instanceof ReadOnly) || next.meta instanceof TimerHandle) {
                lanes().pending().addFirst(next);
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
                LockSupport.park(self());
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
                if (e.meta instanceof PendingReply<?> call) call.stoppedAfterHandling(exitReasonOrNull());
                e.clear();
                continue;
            }
            finish(e, r.kind, r.run, r.start, (Behavior<M>) r.next, r.failure, false, true);
        }
        return n;
    }

    /** What a concurrent read-only handler left for the holder to finish. */
    record ReadResult(HandlerKind kind, HandlerRun run, long start, Behavior<?> next, Throwable failure) {}

    /** On a reader thread: runs one read-only handler. */
    @SuppressWarnings("unchecked")
    ReadResult read(Envelope envelope, CellScheduling s) {
        Thread me = Thread.currentThread();
        InlineRunner carrier = new InlineRunner(self());
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
}
