package io.heddle.internal.routing;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.SpawnOptions;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.system.SystemImpl;
import io.heddle.internal.task.TaskSupport;
import io.heddle.routing.HashKey;
import io.heddle.routing.Pool;
import io.heddle.routing.PoolSpec;
import io.heddle.routing.Router;
import io.heddle.routing.RoutingStrategy;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The engine of a {@link Pool}: the router in front of the workers, the manager actor that supervises and resizes
 * them ({@link PoolManager}), the workers' behavior, and the handover of what a stopping worker still holds to the
 * others, so that resizing and crashes lose no message (see {@link Pool}).
 *
 * <p>Threading: thread-safe; the manager's work runs on the manager's thread, the handover on a stopping worker's or
 * a sender's.
 *
 * @param <M> the type of messages the workers accept
 */
public final class PoolEngine<M> {

    private final SystemImpl system;
    private final PoolSpec<M> spec;
    private final RouterEngine<M> routing;
    /** The router the user sees, over {@link #routing}. */
    private final Router<M> router;
    private volatile boolean closing;
    private volatile ActorRef<PoolManager.Command> manager;

    private PoolEngine(SystemImpl system, PoolSpec<M> spec, Function<RouterEngine<M>, Router<M>> routerFacade) {
        this.system = system;
        this.spec = spec;
        this.routing = new RouterEngine<>(system, spec.name(), spec.strategy(),
                new RouteeSource.Owned("pool", Comparator.comparingInt(this::slotOf)), spec);
        this.router = routerFacade.apply(routing);
    }

    /**
     * Starts a pool: its manager, the workers' supervisor and {@link PoolSpec#minSize()} workers, and returns once they
     * have all started. {@code routerFacade} makes the {@link Router} the user sees over the workers.
     *
     * @throws io.heddle.ActorStartException if the pool could not start its workers
     */
    public static <M> PoolEngine<M> start(ActorSystem system, PoolSpec<M> spec,
                                          Function<RouterEngine<M>, Router<M>> routerFacade) {
        PoolEngine<M> pool = new PoolEngine<>((SystemImpl) Objects.requireNonNull(system, "system"), spec,
                routerFacade);
        try {
            pool.manager = system.start(PoolManager.create(pool), SpawnOptions.named(spec.name()));
        } catch (RuntimeException e) {
            pool.routing.close();
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
        return routing.routees();
    }

    /** Returns the number of live workers. */
    public int size() {
        return workers().size();
    }

    /** Returns the pool's manager. */
    public ActorRef<?> ref() {
        return manager;
    }

    /**
     * Stops the manager, the supervisor and the workers, newest first, and waits for them; queued messages go to dead
     * letters. Closing twice does nothing.
     */
    public void close() {
        closing = true;
        ActorRef<?> m = manager;
        if (m != null) {
            CompletableFuture<?> done = m.termination();
            Thread me = Thread.currentThread();
            done.whenComplete((reason, failure) -> LockSupport.unpark(me));
            m.stop();
            TaskSupport.await(system.clock(), done::isDone, Long.MAX_VALUE, this);
        }
        routing.close();
    }

    // ------------------------------------------------------------------------------------------------ workers

    /** The behavior of the worker in {@code slot}: joins the routing when it starts, then runs the user's behavior. */
    @SuppressWarnings("unchecked")
    Behavior<M> worker(int slot) {
        return Behaviors.setup(ctx -> {
            ActorCell<M> cell = (ActorCell<M>) ctx.self();
            cell.setHandover(handover);
            routing.ownedByPool().add(cell, incarnationOf(slot));
            return Objects.requireNonNull(spec.worker().get(), "the worker factory of pool '" + spec.name()
                    + "' returned null");
        });
    }

    /** The current routee of {@code slot}, if any. */
    ActorCell<?> incarnationOf(int slot) {
        String name = workerName(slot);
        for (ActorCell<?> cell : routing.ownedByPool().cells()) {
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

    /** Takes the messages a stopping worker will never handle to the other workers (see {@link Pool}). */
    private final Handover handover = (from, message, meta) -> {
        if (closing) return false;
        Object key = message instanceof HashKey keyed ? keyed.hashKey() : null;
        for (int attempt = 0; attempt < 4; attempt++) {
            ActorCell<?> to = pickOther(from, key);
            if (to == null) return false;
            if (to.acceptHandedOver(message, meta)) return true;
        }
        return false;
    };

    private ActorCell<?> pickOther(ActorCell<?> from, Object key) {
        if (key != null && spec.strategy() instanceof RoutingStrategy.ConsistentHash) {
            ActorCell<?> owner = routing.pick(key);
            if (owner != null && owner != from) return owner;
        }
        ActorCell<?> best = null;
        int bestSize = Integer.MAX_VALUE;
        for (ActorCell<?> c : routing.ownedByPool().cells()) {
            if (c == from || !c.isAlive()) continue;
            int size = c.mailboxSize();
            if (size < bestSize) {
                best = c;
                bestSize = size;
            }
        }
        return best;
    }

    /** The router's engine, for the manager. */
    RouterEngine<M> routing() {
        return routing;
    }

    SystemImpl system() {
        return system;
    }

    @Override
    public String toString() {
        return "Pool[" + spec.name() + ", " + size() + " workers of " + spec.minSize() + ".." + spec.maxSize() + "]";
    }
}
