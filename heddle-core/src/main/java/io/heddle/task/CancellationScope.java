package io.heddle.task;

import io.heddle.ActorSystem;
import io.heddle.internal.task.ScopeEngine;
import java.time.Duration;
import java.util.Optional;

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

    private final ScopeEngine engine;

    private CancellationScope(ScopeEngine engine) {
        this.engine = engine;
    }

    /** The API object of {@code engine}: one per scope. */
    static CancellationScope of(ScopeEngine engine) {
        return engine.api(CancellationScope::new);
    }

    /** Returns the scope of the running code; outside any, a root scope that is never cancelled and has no deadline. */
    public static CancellationScope current() {
        return of(ScopeEngine.current());
    }

    // ------------------------------------------------------------------------------------------------ opening

    /**
     * Runs {@code body} in a new scope inside the current one, which another thread may {@link #cancel}; the calling
     * thread works in it (a cancel interrupts it, unless shielded). Returns what the body returns.
     */
    public static <T, X extends Throwable> T open(Body<T, X> body) throws X {
        return run(ScopeEngine.newChild(), body);
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
        return run(ScopeEngine.newChild(timeout), body);
    }

    /** Like {@link #withDeadline(Duration, Body)}, on the clock of {@code system}, from any thread. */
    public static <T, X extends Throwable> T withDeadline(ActorSystem system, Duration timeout, Body<T, X> body)
            throws X {
        return run(ScopeEngine.newChild(system, timeout), body);
    }

    /** Runs {@code body} in {@code scope}, which is then closed. */
    private static <T, X extends Throwable> T run(ScopeEngine scope, Body<T, X> body) throws X {
        CancellationScope api = of(scope);
        return scope.runIn(() -> body.run(api));
    }

    // ------------------------------------------------------------------------------------------------ state

    /** Returns true once this scope or an enclosing one is cancelled, or its deadline has passed. */
    public boolean isCancelled() {
        return engine.isCancelled();
    }

    /** Returns why the scope is cancelled, if it is. */
    public Optional<String> cancellation() {
        return engine.cancellation();
    }

    /** Returns the time left before the deadline, if there is one; zero once it has passed. */
    public Optional<Duration> remaining() {
        return engine.remaining();
    }

    /**
     * Throws {@link CancelledException} if the scope is cancelled or past its deadline, unless the calling thread is
     * inside a {@link #shield} of it. Cheap: call it in long loops.
     */
    public void checkpoint() {
        engine.checkpoint();
    }

    /**
     * Cancels the scope and every scope inside it: checkpoints raise from now on, calls fail fast, and the threads
     * working in them are interrupted unless shielded. Cancelling again does nothing. Returns true if this call did it.
     */
    public boolean cancel(String reason) {
        return engine.cancel(reason);
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
        return engine.shield(() -> body.run(this));
    }

    @Override
    public String toString() {
        return engine.toString();
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
