package io.heddle.task;

import io.heddle.ActorSystem;
import io.heddle.Cancellable;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.internal.task.Scopes;
import io.heddle.internal.task.TaskSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A region of work that can be cancelled as a whole, with level-triggered cancellation as in Trio: once cancelled, a
 * scope stays cancelled, and every {@link #checkpoint()} inside it raises, not just the first. Scopes nest: cancelling
 * one cancels the scopes opened inside it; a deadline bounds everything inside, down to the calls made by the actors
 * it calls.
 *
 * {@snippet :
 * String price = CancellationScope.withDeadline(Duration.ofMillis(200), scope -> {
 *     scope.checkpoint();                                   // raises once cancelled or past the deadline
 *     return pricing.call(r -> new Quote(sku, r));          // the call's timeout is the time left
 * });
 * }
 *
 * <h2>What cancellation does</h2>
 * <ul>
 *   <li>{@link #checkpoint()} throws {@link CancelledException} in a cancelled scope, or one past its deadline.</li>
 *   <li>Heddle's waits inside the scope ({@code call}, {@code receive}, joining a {@link TaskGroup}) are bounded by the
 *       deadline, and a {@code call} in a cancelled scope fails at once. A call carries the deadline with its request:
 *       inside the called actor's handler, {@link #current()} has that deadline, so its own calls are bounded too; and
 *       if the caller gives up (times out, is cancelled), the handler's scope reads as cancelled.</li>
 *   <li>{@link #cancel} interrupts the threads working in the scope (its {@link Task}s, a thread in
 *       {@link #open}), so blocking JDK calls end too, unless they are {@linkplain #shield shielded}. A deadline does
 *       not interrupt by itself: it bounds Heddle's waits and checkpoints; give blocking JDK calls their own
 *       timeouts.</li>
 * </ul>
 *
 * <p>Threading: thread-safe. {@link #current()} is bound with a {@link ScopedValue}, so it follows the code, not the
 * thread: tasks and call handlers see the scope they belong to.
 */
public final class CancellationScope {

    static {
        Scopes.install(new Scopes.Access() {
            @Override
            public long deadlineOn(Object scope, RuntimeClock clock) {
                return ((CancellationScope) scope).deadlineOn(clock);
            }

            @Override
            public String cancelReason(Object scope) {
                return ((CancellationScope) scope).cancelReason();
            }

            @Override
            public Object forCall(RuntimeClock clock, long deadline, BooleanSupplier abandoned) {
                return CancellationScope.forCall(clock, deadline, abandoned);
            }
        });
    }

    private static final long NO_DEADLINE = Long.MAX_VALUE;
    static final CancellationScope ROOT = new CancellationScope(null, null, NO_DEADLINE, null);

    private final CancellationScope parent;
    private final RuntimeClock clock;
    /** Absolute, on {@link #clock}; the earliest of this scope's and its parents'. */
    private final long deadline;
    /** For the scope of a call's handler: true once the caller has given up. */
    private final BooleanSupplier abandoned;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock. */
    private final List<CancellationScope> children = new ArrayList<>();
    /** Threads working in this scope, with how deep each is in {@link #shield}s. Guarded by lock. */
    private final Map<Thread, int[]> members = new HashMap<>();
    private volatile String cancelReason;

    private CancellationScope(CancellationScope parent, RuntimeClock clock, long deadline, BooleanSupplier abandoned) {
        this.parent = parent;
        this.clock = clock;
        this.deadline = deadline;
        this.abandoned = abandoned;
    }

    /** Returns the scope of the running code; outside any, a root scope that is never cancelled and has no deadline. */
    public static CancellationScope current() {
        return (CancellationScope) Scopes.CURRENT.orElse(ROOT);
    }

    // ------------------------------------------------------------------------------------------------ opening

    /**
     * Runs {@code body} in a new scope inside the current one, which another thread may {@link #cancel}; the calling
     * thread works in it (a cancel interrupts it, unless shielded). Returns what the body returns.
     */
    public static <T, X extends Throwable> T open(Body<T, X> body) throws X {
        CancellationScope outer = current();
        return outer.child(outer.clock, outer.deadline, null).runIn(body);
    }

    /**
     * Runs {@code body} in a new scope inside the current one whose deadline is {@code timeout} from now (or the
     * outer deadline, if sooner), on the clock of the actor system the code runs in: an actor's, a task's, or a call
     * handler's.
     *
     * @throws IllegalStateException outside an actor, a task or a scope with a clock: use
     *                               {@link #withDeadline(ActorSystem, Duration, Body)}
     */
    public static <T, X extends Throwable> T withDeadline(Duration timeout, Body<T, X> body) throws X {
        CancellationScope outer = current();
        RuntimeClock clock = outer.clock != null ? outer.clock : TaskSupport.currentClock();
        if (clock == null) {
            throw new IllegalStateException("withDeadline(timeout, body) needs the clock of an actor system: call it "
                    + "from an actor, a task or a scope that has one, or pass the system: withDeadline(system, "
                    + "timeout, body)");
        }
        return withDeadline(clock, timeout, body);
    }

    /** Like {@link #withDeadline(Duration, Body)}, on the clock of {@code system}, from any thread. */
    public static <T, X extends Throwable> T withDeadline(ActorSystem system, Duration timeout, Body<T, X> body)
            throws X {
        return withDeadline(TaskSupport.clockOf(system), timeout, body);
    }

    private static <T, X extends Throwable> T withDeadline(RuntimeClock clock, Duration timeout, Body<T, X> body)
            throws X {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        CancellationScope outer = current();
        long now = clock.nanoTime();
        long own = now + Math.min(timeout.toNanos(), Long.MAX_VALUE - now);
        return outer.child(clock, Math.min(own, outer.deadlineOn(clock)), null).runIn(body);
    }

    /** A child scope, registered so that cancelling this one cancels it. */
    CancellationScope child(RuntimeClock clock, long deadline, BooleanSupplier abandoned) {
        CancellationScope child = new CancellationScope(this, clock, deadline, abandoned);
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
    <T, X extends Throwable> T runIn(Body<T, X> body) throws X {
        Thread me = Thread.currentThread();
        join(me);
        try {
            return ScopedValue.where(Scopes.CURRENT, this).call(() -> body.run(this));
        } finally {
            leave(me);
            close();
        }
    }

    /** The scope of a call handler: the caller's deadline, and cancelled once the caller gives up. */
    static CancellationScope forCall(RuntimeClock clock, long deadline, BooleanSupplier abandoned) {
        return new CancellationScope(ROOT, clock, deadline, abandoned);
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

    String cancelReason() {
        for (CancellationScope s = this; s != null; s = s.parent) {
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
     * inside a {@link #shield} of it. Cheap: call it in long loops.
     */
    public void checkpoint() {
        String reason = cancelReason();
        if (reason != null && !shielded(Thread.currentThread())) throw new CancelledException(reason);
    }

    /**
     * Cancels the scope and every scope inside it: checkpoints raise from now on, calls fail fast, and the threads
     * working in them are interrupted unless shielded. Cancelling again does nothing. Returns true if this call did it.
     */
    public boolean cancel(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (this == ROOT) throw new IllegalStateException("the root scope cannot be cancelled; open a scope");
        List<CancellationScope> kids;
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
        for (CancellationScope child : kids) child.cancel(reason);
        return true;
    }

    /** Cancels with the reason "cancelled". */
    public boolean cancel() {
        return cancel("cancelled");
    }

    /**
     * Runs {@code body} protected from this scope's cancellation, for cleanup that must finish: checkpoints inside do
     * not raise and a cancel does not interrupt; a cancellation that happened meanwhile takes effect when the shield
     * ends (the thread is interrupted then, if it works in the scope). Shields nest.
     */
    public <T, X extends Throwable> T shield(Body<T, X> body) throws X {
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
            return body.run(this);
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
        for (CancellationScope s = this; s != null && s != ROOT; s = s.parent) {
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

    RuntimeClock clock() {
        return clock;
    }

    long deadline() {
        return deadline;
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

    /**
     * Code run in a scope.
     *
     * @param <T> what it returns
     * @param <X> what it may throw
     */
    @FunctionalInterface
    public interface Body<T, X extends Throwable> {
        /**
         * Runs in {@code scope}.
         *
         * @param scope the scope, to check or cancel
         * @return the result
         * @throws X as the body likes
         */
        T run(CancellationScope scope) throws X;
    }
}
