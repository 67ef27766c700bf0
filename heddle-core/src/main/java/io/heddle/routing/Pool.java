package io.heddle.routing;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ReplyTo;
import io.heddle.inspect.RouterInfo;
import io.heddle.internal.routing.PoolEngine;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A supervised group of identical workers behind a {@link Router}: Pekko's pool router, with Erlang's supervision.
 *
 * {@snippet :
 * Pool<ResizeMsg> pool = Pool.start(system, PoolSpec.of("resizers", 2, ImageResizer::new)
 *         .size(2, 8)
 *         .resizer(Resizer.defaults()));
 * pool.cast(new Resize(image, 640));
 * }
 *
 * <p><b>Supervision.</b> The workers are children of a {@link io.heddle.supervision.DynamicSupervisor} (restart:
 * permanent), under an actor named after the pool that resizes it. A worker that crashes leaves the routing at once,
 * and its restart joins it again under the same name, so consistent hashing gives it back its keys. If workers crash
 * faster than {@link PoolSpec#supervision()} allows, the pool stops.
 *
 * <p><b>Nothing is lost.</b> Messages still queued in a worker that stops (on shrinking, or on a crash) and messages
 * sent to it as it stops are not dead-lettered: they go to another worker (with their calls, which that worker
 * answers). A message a handler has started is never sent again. Only when the whole pool stops do queued messages go
 * to dead letters.
 *
 * <p><b>Resizing</b>: see {@link Resizer}. Without a resizer the pool keeps {@link PoolSpec#minSize()} workers.
 *
 * <p>Threading: thread-safe; sending methods may be called from any thread.
 *
 * @param <M> the type of messages the workers accept
 */
public final class Pool<M> implements AutoCloseable {

    private final PoolEngine<M> engine;

    private Pool(PoolEngine<M> engine) {
        this.engine = engine;
    }

    /**
     * Starts a pool: its manager, the workers' supervisor and {@link PoolSpec#minSize()} workers, and returns once they
     * have all started.
     *
     * @throws io.heddle.ActorStartException if the pool could not start its workers
     */
    public static <M> Pool<M> start(ActorSystem system, PoolSpec<M> spec) {
        Objects.requireNonNull(spec, "spec");
        return new Pool<>(PoolEngine.start(system, spec, Router::new));
    }

    /** Returns the pool's spec. */
    public PoolSpec<M> spec() {
        return engine.spec();
    }

    /** Returns the router in front of the workers. */
    public Router<M> router() {
        return engine.router();
    }

    /** Returns the live workers, in slot order. */
    public List<ActorRef<M>> workers() {
        return engine.workers();
    }

    /** Returns the number of live workers. */
    public int size() {
        return engine.size();
    }

    /** Returns the pool's manager: stop or watch it to stop or watch the pool. */
    public ActorRef<?> ref() {
        return engine.ref();
    }

    /** Sends {@code message} to a worker; see {@link Router#cast}. */
    public void cast(M message) {
        router().cast(message);
    }

    /** Sends {@code message} to the worker owning {@code key} (consistent hashing only). */
    public void castByKey(Object key, M message) {
        router().castByKey(key, message);
    }

    /** Calls a worker with the system's default call timeout; see {@link Router#call(Function)}. */
    public <R> R call(Function<ReplyTo<R>, ? extends M> request) {
        return router().call(request);
    }

    /** Calls a worker; see {@link Router#call(Function, Duration)}. */
    public <R> R call(Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        return router().call(request, timeout);
    }

    /** Calls the worker owning {@code key} (consistent hashing only). */
    public <R> R callByKey(Object key, Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        return router().callByKey(key, request, timeout);
    }

    /** Describes the pool and its workers' load now. */
    public RouterInfo describe() {
        return router().describe();
    }

    /**
     * Stops the pool: the manager, the supervisor and the workers, newest first, and waits for them (each gets the
     * system's shutdown timeout). Messages still queued go to dead letters. Closing twice does nothing.
     */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return engine.toString();
    }
}
