package io.heddle.routing;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.inspect.RouterInfo;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.routing.Handover;
import io.heddle.internal.system.SystemImpl;
import io.heddle.internal.task.TaskSupport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
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

    private final SystemImpl system;
    private final PoolSpec<M> spec;
    private final Router<M> router;
    private volatile boolean closing;
    private volatile ActorRef<PoolManager.Command> manager;

    private Pool(SystemImpl system, PoolSpec<M> spec) {
        this.system = system;
        this.spec = spec;
        this.router = new Router<>(system, spec.name(), spec.strategy(),
                new Routees.Owned("pool", java.util.Comparator.comparingInt(this::slotOf)), this);
    }

    /**
     * Starts a pool: its manager, the workers' supervisor and {@link PoolSpec#minSize()} workers, and returns once they
     * have all started.
     *
     * @throws io.heddle.ActorStartException if the pool could not start its workers
     */
    public static <M> Pool<M> start(ActorSystem system, PoolSpec<M> spec) {
        Objects.requireNonNull(spec, "spec");
        Pool<M> pool = new Pool<>((SystemImpl) Objects.requireNonNull(system, "system"), spec);
        try {
            pool.manager = system.start(PoolManager.create(pool), SpawnOptions.named(spec.name()));
        } catch (RuntimeException e) {
            pool.router.close();
            throw e;
        }
        return pool;
    }

    /** Returns the pool's spec. */
    public PoolSpec<M> spec() {
        return spec;
    }

    /** Returns the router in front of the workers. */
    public Router<M> router() {
        return router;
    }

    /** Returns the live workers, in slot order. */
    public List<ActorRef<M>> workers() {
        return router.routees();
    }

    /** Returns the number of live workers. */
    public int size() {
        return workers().size();
    }

    /** Returns the pool's manager: stop or watch it to stop or watch the pool. */
    public ActorRef<?> ref() {
        return manager;
    }

    /** Sends {@code message} to a worker; see {@link Router#cast}. */
    public void cast(M message) {
        router.cast(message);
    }

    /** Sends {@code message} to the worker owning {@code key} (consistent hashing only). */
    public void castByKey(Object key, M message) {
        router.castByKey(key, message);
    }

    /** Calls a worker with the system's default call timeout; see {@link Router#call(Function)}. */
    public <R> R call(Function<ReplyTo<R>, ? extends M> request) {
        return router.call(request);
    }

    /** Calls a worker; see {@link Router#call(Function, Duration)}. */
    public <R> R call(Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        return router.call(request, timeout);
    }

    /** Calls the worker owning {@code key} (consistent hashing only). */
    public <R> R callByKey(Object key, Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        return router.callByKey(key, request, timeout);
    }

    /** Describes the pool and its workers' load now. */
    public RouterInfo describe() {
        return router.describe();
    }

    /**
     * Stops the pool: the manager, the supervisor and the workers, newest first, and waits for them (each gets the
     * system's shutdown timeout). Messages still queued go to dead letters. Closing twice does nothing.
     */
    @Override
    public void close() {
        closing = true;
        ActorRef<?> m = manager;
        if (m != null) {
            CompletableFuture<?> done = m.termination();
            Thread me = Thread.currentThread();
            done.whenComplete((reason, failure) -> java.util.concurrent.locks.LockSupport.unpark(me));
            m.stop();
            TaskSupport.await(system.clock(), done::isDone, Long.MAX_VALUE, this);
        }
        router.close();
    }

    // ------------------------------------------------------------------------------------------------ workers

    /** The behavior of the worker in {@code slot}: joins the routing when it starts, then runs the user's behavior. */
    @SuppressWarnings("unchecked")
    Behavior<M> worker(int slot) {
        return Behaviors.setup(ctx -> {
            ActorCell<M> cell = (ActorCell<M>) ctx.self();
            cell.setHeir(heir);
            router.ownedByPool().add(cell, incarnationOf(slot));
            return Objects.requireNonNull(spec.worker().get(), "the worker factory of pool '" + spec.name()
                    + "' returned null");
        });
    }

    /** The current routee of {@code slot}, if any. */
    ActorCell<?> incarnationOf(int slot) {
        String name = workerName(slot);
        for (ActorCell<?> cell : router.ownedByPool().cells()) {
            if (cell.name().filter(name::equals).isPresent()) return cell;
        }
        return null;
    }

    String workerName(int slot) {
        return spec.name() + "-" + slot;
    }

    /** The slot of a worker, from its name. */
    private int slotOf(ActorCell<?> worker) {
        String name = worker.name().orElse("");
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    /** Takes the messages a stopping worker will never handle to the other workers (see the class comment). */
    private final Handover heir = (from, message, meta) -> {
        if (closing) return false;
        Object key = message instanceof HashKey keyed ? keyed.hashKey() : null;
        for (int attempt = 0; attempt < 4; attempt++) {
            ActorCell<?> to = pickOther(from, key);
            if (to == null) return false;
            if (to.adopt(message, meta)) return true;
        }
        return false;
    };

    private ActorCell<?> pickOther(ActorCell<?> from, Object key) {
        if (key != null && spec.strategy() instanceof RoutingStrategy.ConsistentHash) {
            ActorCell<?> owner = router.pick(key);
            if (owner != null && owner != from) return owner;
        }
        ActorCell<?> best = null;
        int bestSize = Integer.MAX_VALUE;
        for (ActorCell<?> c : router.ownedByPool().cells()) {
            if (c == from || !c.isAlive()) continue;
            int size = c.mailboxSize();
            if (size < bestSize) {
                best = c;
                bestSize = size;
            }
        }
        return best;
    }

    SystemImpl system() {
        return system;
    }

    boolean isClosing() {
        return closing;
    }

    @Override
    public String toString() {
        return "Pool[" + spec.name() + ", " + size() + " workers of " + spec.minSize() + ".." + spec.maxSize() + "]";
    }
}
