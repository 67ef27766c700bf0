package io.heddle.internal.system;

import io.heddle.internal.call.PendingReply;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.mailbox.Envelope;
import io.heddle.internal.routing.Handover;
import io.heddle.internal.time.TimerHandle;
import io.heddle.Behavior;
import io.heddle.Down;
import io.heddle.ExitReason;
import io.heddle.ExitSignal;
import io.heddle.Health;
import io.heddle.MonitorRef;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The parts of an actor that most actors never use, allocated on first need so an idle actor stays small.
 * Each field says which thread may touch it.
 */
public final class CellExtras<M> {

    // Guarded by SystemImpl.tableLock.
    public ActorCell<?> firstChild;
    public ActorCell<?> lastChild;
    /** Set when the actor leaves the table: links, monitors and names are refused with noproc from then on. */
    public boolean closed;
    /** Actors linked to this one. An exit signal removes its sender when the receiver handles it. */
    public HashSet<ActorCell<?>> links;
    /** Who monitors this actor: monitor to watcher. */
    public HashMap<MonitorRef, ActorCell<?>> watchers;
    /** Names this actor holds in the registry. */
    public ArrayList<String> names;
    /** Registry groups this actor is a member of. */
    public ArrayList<String> groups;

    // Actor thread only.
    /** Messages taken out of the mailbox but not handled yet: by selective receive, or put back by unstash. */
    public ArrayDeque<Envelope> pending;
    /** Urgent messages taken out of the urgent lane but not handled yet; handled before {@link #pending}. */
    public ArrayDeque<Envelope> pendingUrgent;
    public ArrayDeque<Envelope> stash;
    public ArrayDeque<Behavior<M>> behaviorStack;
    public ArrayList<Consumer<ExitReason>> terminateHooks;
    public ArrayList<PendingReply<?>> deferredReplies;
    public HashSet<TimerHandle> timers;
    /** Monitors this actor holds on others: monitor to (target, adapter). */
    public HashMap<MonitorRef, Monitoring> monitoring;
    /** Turns exit signals into messages while this actor traps exits; null when it does not. */
    public Function<? super ExitSignal, ?> exitTrap;
    /** Stops this actor's children when it terminates, instead of the default (a supervisor's shutdown specs). */
    public Runnable childStopper;
    /** Computes this actor's health instead of {@link #health} (a supervisor's aggregate). */
    public Supplier<Health> healthSource;
    /** For a supervisor's child: its child spec id, and how many restarts came before this incarnation. */
    public String childId;
    public int restarts;
    /** Takes the messages this actor will never handle, instead of dead letters (a pool's worker). */
    public volatile Handover heir;
    /** Runs, on the stopping thread, when the actor is asked to stop: a task's way to cancel its body. */
    public volatile Runnable stopHook;

    /** A monitor held by this actor. */
    public record Monitoring(ActorCell<?> target, Function<? super Down, ?> adapter) {}

    // Any thread.
    /** The lane of urgent messages ({@code castUrgent}), created on first use. */
    public volatile ConcurrentLinkedQueue<Envelope> urgent;
    /** Set by termination before it drains {@link #urgent}. */
    public volatile boolean urgentClosed;
    /**
     * The call this actor's handler is blocked in, or null: written by the actor's thread, read by callers looking for
     * a cycle of waiting actors.
     */
    public volatile PendingReply<?> awaiting;
    public volatile Health health;
    /** Set when the actor starts terminating; read for error messages. */
    public volatile ExitReason exitReason;
    /** Set by the actor thread once termination is complete, right before the termination future is completed. */
    public volatile boolean terminated;
    public volatile CompletableFuture<ExitReason> termination;
    /** Set before the actor is scheduled, by ActorSystem.start; completed by the actor thread. */
    public volatile CompletableFuture<Void> started;

    private static final VarHandle TERMINATION;
    private static final VarHandle URGENT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TERMINATION = lookup.findVarHandle(CellExtras.class, "termination", CompletableFuture.class);
            URGENT = lookup.findVarHandle(CellExtras.class, "urgent", ConcurrentLinkedQueue.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Returns the urgent lane, creating it once. Any thread. */
    @SuppressWarnings("unchecked")
    public ConcurrentLinkedQueue<Envelope> urgentLane() {
        ConcurrentLinkedQueue<Envelope> lane = urgent;
        if (lane == null) {
            lane = new ConcurrentLinkedQueue<>();
            if (!URGENT.compareAndSet(this, null, lane)) lane = (ConcurrentLinkedQueue<Envelope>) URGENT.getVolatile(this);
        }
        return lane;
    }

    public ArrayDeque<Envelope> pendingUrgent() {
        if (pendingUrgent == null) pendingUrgent = new ArrayDeque<>();
        return pendingUrgent;
    }

    /** Returns the termination future, creating it once. The terminating thread completes it if it exists. */
    @SuppressWarnings("unchecked")
    public CompletableFuture<ExitReason> terminationFuture() {
        CompletableFuture<ExitReason> future = termination;
        if (future == null) {
            future = new CompletableFuture<>();
            if (!TERMINATION.compareAndSet(this, null, future)) {
                future = (CompletableFuture<ExitReason>) TERMINATION.getVolatile(this);
            }
        }
        return future;
    }

    public ArrayDeque<Envelope> pending() {
        if (pending == null) pending = new ArrayDeque<>();
        return pending;
    }

    public ArrayDeque<Envelope> stash() {
        if (stash == null) stash = new ArrayDeque<>();
        return stash;
    }

    public ArrayDeque<Behavior<M>> behaviorStack() {
        if (behaviorStack == null) behaviorStack = new ArrayDeque<>();
        return behaviorStack;
    }

    public ArrayList<Consumer<ExitReason>> terminateHooks() {
        if (terminateHooks == null) terminateHooks = new ArrayList<>(2);
        return terminateHooks;
    }

    public HashSet<TimerHandle> timers() {
        if (timers == null) timers = new HashSet<>();
        return timers;
    }

    public void deferReply(PendingReply<?> reply) {
        if (deferredReplies == null) deferredReplies = new ArrayList<>();
        deferredReplies.add(reply);
    }

    /** Forgets answered and abandoned calls, so a timed-out call is garbage by the end of the turn. */
    public void pruneDeferredReplies() {
        deferredReplies.removeIf(PendingReply::isDone);
        if (deferredReplies.isEmpty()) deferredReplies = null;
    }
}
