package io.heddle.internal.sched;

import io.heddle.internal.call.PendingReply;
import io.heddle.internal.mailbox.Envelope;
import io.heddle.scheduling.Reentrancy;
import io.heddle.scheduling.Scheduling;
import io.heddle.scheduling.SlowHandler;
import io.heddle.scheduling.TimeoutAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The scheduling of an actor spawned with a non-default {@link Scheduling}, resolved against its system, and the state
 * that reentrancy and concurrent reads need. Actors with the default scheduling have none, and pay nothing for it.
 *
 * <h2>Reentrancy</h2>
 * A handler that waits (see {@link Reentrancy}) <em>suspends</em>: it saves what it was handling in its
 * {@link HandlerRun}, releases the actor (its scheduling state goes to IDLE) and parks; other messages then run in
 * new turns, on other workers. When its wait ends it <em>resumes</em>: it joins {@link #resumers} and either takes the
 * idle actor back by the usual IDLE-to-SCHEDULED CAS, or is handed it by the thread that holds it, which checks
 * {@code resumers} between messages and at the end of its turn ({@link #grantedTo}). Only the thread holding the actor
 * touches {@link #suspended}. If the actor stops meanwhile, the stopping thread interrupts the suspended handlers and
 * wakes the resumers; each finds the actor dead and is {@linkplain HandlerRun#detached detached}.
 */
public final class CellScheduling {

    public final int throughput;
    public final Duration timeout;
    public final long timeoutNanos;
    public final TimeoutAction action;
    public final Reentrancy reentrancy;
    public final int readParallelism;
    public final Consumer<? super SlowHandler> onSlowHandler;
    /** True if each handler needs a {@link HandlerRun}: with a timeout or reentrancy. */
    public final boolean tracksRuns;

    /** Threads whose suspended handler's wait has ended, in order. */
    public final ConcurrentLinkedQueue<Thread> resumers = new ConcurrentLinkedQueue<>();
    /** The resumer the holder handed the actor to; read and cleared by that resumer. */
    public volatile Thread grantedTo;
    /** The handler running on the holder's thread, or null. Holder only. */
    public HandlerRun current;
    /** Handlers suspended in a wait. Holder only. */
    public final ArrayList<HandlerRun> suspended = new ArrayList<>(2);
    /** Threads running concurrent read-only handlers, for clearer errors. */
    public final Set<Thread> readers = ConcurrentHashMap.newKeySet();

    CellScheduling(Scheduling scheduling, int systemThroughput) {
        this.throughput = scheduling.throughput() == 0 ? systemThroughput : scheduling.throughput();
        this.timeout = scheduling.handlerTimeout();
        this.timeoutNanos = timeout == null ? 0 : timeout.toNanos();
        this.action = scheduling.timeoutAction();
        this.reentrancy = scheduling.reentrancy();
        this.readParallelism = scheduling.readParallelism();
        this.onSlowHandler = scheduling.onSlowHandler();
        this.tracksRuns = timeout != null || reentrancy != Reentrancy.NONE;
    }

    /** Returns the resolved scheduling, or null for actors that need none of this. */
    public static CellScheduling of(Scheduling scheduling, int systemThroughput) {
        return scheduling.isDefault() ? null : new CellScheduling(scheduling, systemThroughput);
    }

    /** True if the actor takes only admissible messages now: a CALL_CHAIN actor with a handler suspended. Holder only. */
    public boolean filtering() {
        return reentrancy == Reentrancy.CALL_CHAIN && !suspended.isEmpty();
    }

    /** Holder only: true if {@code envelope} may run while handlers are suspended. */
    public boolean admits(Envelope envelope) {
        if (reentrancy != Reentrancy.CALL_CHAIN || suspended.isEmpty()) return true;
        if (!(envelope.meta instanceof PendingReply<?> call) || call.chain == null) return false;
        long id = call.chain.id();
        for (HandlerRun run : suspended) {
            if (run.waitChainId == id) return true;
        }
        return false;
    }
}
