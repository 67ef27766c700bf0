package io.heddle.internal.task;

import io.heddle.ActorSystem;
import io.heddle.Cancellable;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.task.CancellationScope;
import io.heddle.task.CancelledException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The engine of a {@link CancellationScope}: level-triggered cancellation, nesting, deadlines on a runtime clock,
 * interrupting the threads working in the scope, and shields. The scope bound in {@link Scopes#CURRENT} is one of
 * these; its API object is made on first need and kept, so a scope has one.
 *
 * <p>Threading: thread-safe.
 */
public final class ScopeEngine {

    private static final long NO_DEADLINE = Long.MAX_VALUE;
    /** The scope outside any: never cancelled, no deadline. */
    public static final ScopeEngine ROOT = new ScopeEngine(null, null, NO_DEADLINE, null);

    private final ScopeEngine parent;
    private final RuntimeClock clock;
    /** Absolute, on {@link #clock}; the earliest of this scope's and its parents'. */
    private final long deadline;
    /** For the scope of a call's handler: true once the caller has given up. */
    private final BooleanSupplier abandoned;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock. */
    private final List<ScopeEngine> children = new ArrayList<>();
    /** Threads working in this scope, with how deep each is in {@link #shield}s. Guarded by lock. */
    private final Map<Thread, int[]> members = new HashMap<>();
    private volatile String cancelReason;
    /** The API object, made on first need. */
    private volatile CancellationScope api;

    private ScopeEngine(ScopeEngine parent, RuntimeClock clock, long deadline, BooleanSupplier abandoned) {
        this.parent = parent;
        this.clock = clock;
        this.deadline = deadline;
        this.abandoned = abandoned;
    }

    /** Returns the scope of the running code; outside any, {@link #ROOT}. */
    public static ScopeEngine current() {
        return Scopes.CURRENT.isBound() ? (ScopeEngine) Scopes.CURRENT.get() : ROOT;
    }

    /** Returns this scope's API object, made by {@code make} the first time; always the same one. */
    public CancellationScope api(Function<ScopeEngine, CancellationScope> make) {
        CancellationScope a = api;
        if (a != null) return a;
        lock.lock();
        try {
            if (api == null) api = make.apply(this);
            return api;
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------------------------------------ opening

    /** Returns a new scope inside the current one, with its clock and deadline. */
    public static ScopeEngine newChild() {
        ScopeEngine outer = current();
        return outer.child(outer.clock, outer.deadline, null);
    }

    /**
     * Returns a new scope inside the current one whose deadline is {@code timeout} from now (or the outer deadline, if
     * sooner), on the clock of the actor system the code runs in.
     *
     * @throws IllegalStateException outside an actor, a task or a scope with a clock
     */
    public static ScopeEngine newChild(Duration timeout) {
        ScopeEngine outer = current();
        RuntimeClock clock = outer.clock != null ? outer.clock : TaskSupport.currentClock();
        if (clock == null) {
            throw new IllegalStateException("withDeadline(timeout, body) needs the clock of an actor system: call it "
                    + "from an actor, a task or a scope that has one, or pass the system: withDeadline(system, "
                    + "timeout, body)");
        }
        return newChild(clock, timeout);
    }

    /** Like {@link #newChild(Duration)}, on the clock of {@code system}, from any thread. */
    public static ScopeEngine newChild(ActorSystem system, Duration timeout) {
        return newChild(TaskSupport.clockOf(system), timeout);
    }

    private static ScopeEngine newChild(RuntimeClock clock, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        ScopeEngine outer = current();
        long now = clock.nanoTime();
        long own = now + Math.min(timeout.toNanos(), Long.MAX_VALUE - now);
        return outer.child(clock, Math.min(own, outer.deadlineOn(clock)), null);
    }

    /** A child scope, registered so that cancelling this one cancels it. */
    ScopeEngine child(RuntimeClock clock, long deadline, BooleanSupplier abandoned) {
        ScopeEngine child = new ScopeEngine(this, clock, deadline, abandoned);
        if (this == ROOT) return child; // the root is never cancelled: no need to track
        lock.lock();
        try {
            children.add(child);
            if (cancelReason != null) child.cancelReason = cancelReason;
        } finally {
            lock.unlock();
        }
        return child;
    }

    /** Runs {@code body} with this scope current and the calling thread working in it; then closes the scope. */
    public <T, X extends Throwable> T runIn(ScopedValue.CallableOp<T, X> body) throws X {
        Thread me = Thread.currentThread();
        join(me);
        try {
            return ScopedValue.where(Scopes.CURRENT, this).call(body);
        } finally {
            leave(me);
            close();
        }
    }

    /** The scope of a call handler: the caller's deadline, and cancelled once the caller gives up. */
    static ScopeEngine forCall(RuntimeClock clock, long deadline, BooleanSupplier abandoned) {
        return new ScopeEngine(ROOT, clock, deadline, abandoned);
    }

    // ------------------------------------------------------------------------------------------------ state

    /** Returns true once this scope or an enclosing one is cancelled, or its deadline has passed. */
    public boolean isCancelled() {
        return cancelReason() != null;
    }

    /** Returns why the scope is cancelled, if it is. */
    public Optional<String> cancellation() {
        return Optional.ofNullable(cancelReason());
    }

    /** Why the scope is cancelled, or null if it is not. */
    String cancelReason() {
        for (ScopeEngine s = this; s != null; s = s.parent) {
            if (s.cancelReason != null) return s.cancelReason;
            if (s.abandoned != null && s.abandoned.getAsBoolean()) return "the caller gave up waiting for the reply";
        }
        if (deadline != NO_DEADLINE && clock.nanoTime() >= deadline) return "the deadline passed";
        return null;
    }

    /** Returns the time left before the deadline, if there is one; zero once it has passed. */
    public Optional<Duration> remaining() {
        if (deadline == NO_DEADLINE) return Optional.empty();
        return Optional.of(Duration.ofNanos(Math.max(0, deadline - clock.nanoTime())));
    }

    /**
     * Returns the deadline as a time on {@code other}'s scale: the same value when it is this scope's clock, else
     * converted through the time left. {@link Long#MAX_VALUE} if there is none.
     */
    long deadlineOn(RuntimeClock other) {
        if (deadline == NO_DEADLINE) return NO_DEADLINE;
        if (other == clock) return deadline;
        long left = deadline - clock.nanoTime();
        return other.nanoTime() + left;
    }

    /**
     * Throws {@link CancelledException} if the scope is cancelled or past its deadline, unless the calling thread is
     * inside a {@link #shield} of it.
     */
    public void checkpoint() {
        String reason = cancelReason();
        if (reason != null && !shielded(Thread.currentThread())) throw new CancelledException(reason);
    }

    /**
     * Cancels the scope and every scope inside it, interrupting the threads working in them unless shielded. Returns
     * true if this call did it.
     *
     * @throws IllegalStateException for the root scope
     */
    public boolean cancel(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (this == ROOT) throw new IllegalStateException("the root scope cannot be cancelled; open a scope");
        List<ScopeEngine> kids;
        lock.lock();
        try {
            if (cancelReason != null) return false;
            cancelReason = reason;
            members.forEach((thread, shieldDepth) -> {
                if (shieldDepth[0] == 0) thread.interrupt();
            });
            kids = List.copyOf(children);
        } finally {
            lock.unlock();
        }
        for (ScopeEngine child : kids) child.cancel(reason);
        return true;
    }

    /**
     * Runs {@code body} protected from this scope's cancellation; a cancellation that happened meanwhile takes effect
     * when the shield ends. Shields nest.
     */
    public <T, X extends Throwable> T shield(ScopedValue.CallableOp<T, X> body) throws X {
        Thread me = Thread.currentThread();
        int[] depth;
        boolean interrupted;
        lock.lock();
        try {
            depth = members.computeIfAbsent(me, t -> new int[] {0, 0});
            depth[0]++;
            depth[1]++; // membership taken by the shield, released with it
            // A cancel may already have interrupted this thread: hold the interrupt back until the shield ends.
            interrupted = Thread.interrupted();
        } finally {
            lock.unlock();
        }
        try {
            return body.call();
        } finally {
            lock.lock();
            try {
                depth[0]--;
                depth[1]--;
                boolean member = depth[1] > 0;
                if (!member) members.remove(me);
                if (interrupted || (member && depth[0] == 0 && isCancelled())) me.interrupt();
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean shielded(Thread thread) {
        for (ScopeEngine s = this; s != null && s != ROOT; s = s.parent) {
            s.lock.lock();
            try {
                int[] depth = s.members.get(thread);
                if (depth != null && depth[0] > 0) return true;
            } finally {
                s.lock.unlock();
            }
        }
        return false;
    }

    /** The calling thread works in this scope from now on: a cancel interrupts it. */
    void join(Thread thread) {
        if (this == ROOT) return;
        lock.lock();
        try {
            int[] depth = members.computeIfAbsent(thread, t -> new int[] {0, 0});
            depth[1]++;
            if (cancelReason != null && depth[0] == 0) thread.interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** The thread no longer works in this scope; an interrupt this scope may have sent it is cleared. */
    void leave(Thread thread) {
        if (this == ROOT) return;
        lock.lock();
        try {
            int[] depth = members.get(thread);
            if (depth != null && --depth[1] <= 0) members.remove(thread);
        } finally {
            lock.unlock();
        }
        if (cancelReason != null && thread == Thread.currentThread()) Thread.interrupted();
    }

    /** Forgets the scope in its parent: done with. */
    void close() {
        if (parent == null || parent == ROOT) return;
        parent.lock.lock();
        try {
            parent.children.remove(this);
        } finally {
            parent.lock.unlock();
        }
    }

    /** Schedules a cancel at the deadline, if there is one; returns the timer, or null. */
    Cancellable cancelAtDeadline(String what) {
        if (deadline == NO_DEADLINE) return null;
        return clock.schedule(Math.max(0, deadline - clock.nanoTime()), () -> cancel(what + ": the deadline passed"));
    }

    @Override
    public String toString() {
        String state = cancelReason();
        return "CancellationScope[" + (state == null ? "active" : "cancelled: " + state)
                + remaining().map(r -> ", " + r.toMillis() + " ms left").orElse("") + "]";
    }
}
