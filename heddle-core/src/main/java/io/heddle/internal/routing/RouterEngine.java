package io.heddle.internal.routing;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.DeadLetter;
import io.heddle.Group;
import io.heddle.Name;
import io.heddle.Pid;
import io.heddle.ReplyTo;
import io.heddle.inspect.RouterInfo;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.system.SystemImpl;
import io.heddle.internal.table.RegistryImpl;
import io.heddle.routing.HashKey;
import io.heddle.routing.NoRouteeException;
import io.heddle.routing.PoolSpec;
import io.heddle.routing.Router;
import io.heddle.routing.RoutingStrategy;
import io.heddle.task.Joiner;
import io.heddle.task.TaskGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The engine of a {@link Router}: its routees, and the strategies' state (the round-robin counter, the random source,
 * the hash ring). Not an actor: every decision is taken on the sender's thread, lock-free.
 *
 * <p>Threading: thread-safe; the sending methods may be called from any thread, concurrently.
 *
 * @param <M> the type of messages the routees accept
 */
public final class RouterEngine<M> {

    private final SystemImpl system;
    private final String name;
    private final Pid pid;
    private final RoutingStrategy strategy;
    private final RouteeSource routees;
    /** The spec of the pool whose workers these are, or null. */
    private final PoolSpec<?> pool;
    private final AtomicLong next = new AtomicLong();
    private final java.util.Random random;
    private volatile HashRing ring;
    private final RouterView view = this::describe;

    RouterEngine(SystemImpl system, String name, RoutingStrategy strategy, RouteeSource routees, PoolSpec<?> pool) {
        this.system = system;
        this.name = Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("a router's name must not be blank");
        this.pid = system.newPid();
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.routees = routees;
        this.pool = pool;
        this.random = system.newRandom();
        system.addRouter(view);
    }

    /** Returns a router over {@code routees}, which may be changed later with {@link #add} and {@link #remove}. */
    public static <M> RouterEngine<M> of(ActorSystem system, String name, RoutingStrategy strategy,
                                         Collection<? extends ActorRef<M>> routees) {
        RouteeSource.Owned owned = new RouteeSource.Owned("fixed");
        RouterEngine<M> router = new RouterEngine<>(impl(system), name, strategy, owned, null);
        for (ActorRef<M> ref : routees) router.add(ref);
        return router;
    }

    /** Returns a router over the members of {@code group}, as they join and leave. */
    public static <M> RouterEngine<M> group(ActorSystem system, Group<M> group, RoutingStrategy strategy) {
        SystemImpl impl = impl(system);
        return new RouterEngine<>(impl, "group-" + group.value(), strategy,
                new RouteeSource.OfGroup((RegistryImpl) impl.registry(), group.value()), null);
    }

    /** Returns a router over the actors registered under {@code names}, looked up on every send. */
    public static <M> RouterEngine<M> named(ActorSystem system, String name, RoutingStrategy strategy,
                                            List<Name<M>> names) {
        SystemImpl impl = impl(system);
        return new RouterEngine<>(impl, name, strategy, new RouteeSource.OfNames(impl.registry(), List.copyOf(names)),
                null);
    }

    private static SystemImpl impl(ActorSystem system) {
        return (SystemImpl) Objects.requireNonNull(system, "system");
    }

    /** Returns the router's name. */
    public String name() {
        return name;
    }

    /** Returns the router's pid: its identity in dead letters and inspection. */
    public Pid pid() {
        return pid;
    }

    /** Returns the routing strategy. */
    public RoutingStrategy strategy() {
        return strategy;
    }

    /** Returns the live routees, in routing order. */
    @SuppressWarnings("unchecked")
    public List<ActorRef<M>> routees() {
        List<ActorRef<M>> live = new ArrayList<>();
        for (ActorCell<?> cell : routees.cells()) {
            if (cell.isAlive()) live.add((ActorRef<M>) cell);
        }
        return List.copyOf(live);
    }

    /**
     * Adds a routee; it leaves on its own when it stops. Returns false if it has stopped already.
     *
     * @throws UnsupportedOperationException for a router over a group, names or a pool, whose routees it does not own
     */
    public boolean add(ActorRef<M> routee) {
        return owned("add").add((ActorCell<?>) Objects.requireNonNull(routee, "routee"), null);
    }

    /**
     * Removes a routee. Returns true if it was one.
     *
     * @throws UnsupportedOperationException for a router over a group, names or a pool
     */
    public boolean remove(ActorRef<M> routee) {
        return owned("remove").remove((ActorCell<?>) Objects.requireNonNull(routee, "routee"));
    }

    private RouteeSource.Owned owned(String operation) {
        if (routees instanceof RouteeSource.Owned o && pool == null) return o;
        throw new UnsupportedOperationException("cannot " + operation + " routees of router '" + name + "': its "
                + "routees are " + routees.describe() + "; " + (pool != null ? "the pool resizes itself"
                : "join or leave the group, or register the names, instead"));
    }

    // ------------------------------------------------------------------------------------------------ sending

    /**
     * Sends {@code message} to the routee the strategy picks (to every routee, under broadcast). Under consistent
     * hashing the message must implement {@link HashKey}; use {@link #castByKey} otherwise.
     *
     * @throws IllegalArgumentException under consistent hashing, if the message has no key
     */
    public void cast(M message) {
        Objects.requireNonNull(message, "message must not be null (cast through router '" + name + "')");
        if (strategy instanceof RoutingStrategy.Broadcast) {
            boolean any = false;
            for (ActorCell<?> cell : routees.cells()) {
                if (cell.isAlive()) {
                    sendTo(cell, message);
                    any = true;
                }
            }
            if (!any) noRoutee(message);
            return;
        }
        ActorCell<?> routee = pick(keyOf(message, "cast"));
        if (routee == null) noRoutee(message);
        else sendTo(routee, message);
    }

    /** Sends {@code message} to the routee that owns {@code key} on the hash ring (consistent hashing only). */
    public void castByKey(Object key, M message) {
        Objects.requireNonNull(message, "message must not be null (cast through router '" + name + "')");
        ActorCell<?> routee = pick(requireHashing(key, "castByKey"));
        if (routee == null) noRoutee(message);
        else sendTo(routee, message);
    }

    /** Calls the routee the strategy picks, with the system's default call timeout; see {@link ActorRef#call}. */
    public <R> R call(Function<ReplyTo<R>, ? extends M> request) {
        return call(request, system.config().callTimeout());
    }

    /**
     * Calls the routee the strategy picks; see {@link ActorRef#call}.
     *
     * @throws NoRouteeException        if there is no live routee
     * @throws IllegalStateException    under broadcast (use {@link #broadcastCall}) or consistent hashing (use
     *                                  {@link #callByKey}: the key must be known before the request is built)
     */
    public <R> R call(Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        if (strategy instanceof RoutingStrategy.Broadcast) {
            throw new IllegalStateException("router '" + name + "' broadcasts: a call would get one reply per "
                    + "routee; use broadcastCall(request, timeout), which gathers them");
        }
        if (strategy instanceof RoutingStrategy.ConsistentHash) {
            throw new IllegalStateException("router '" + name + "' hashes on a key, which a call must give before "
                    + "its request is built: use callByKey(key, request, timeout)");
        }
        return callOn(pick(null), request, timeout);
    }

    /** Calls the routee that owns {@code key} on the hash ring (consistent hashing only). */
    public <R> R callByKey(Object key, Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        return callOn(pick(requireHashing(key, "callByKey")), request, timeout);
    }

    @SuppressWarnings("unchecked")
    private <R> R callOn(ActorCell<?> routee, Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        if (routee == null) {
            throw new NoRouteeException("call through router '" + name + "' " + pid + " not made: it has no live "
                    + "routee (" + routees.describe() + "). Start or add routees first, or wait for a pool to "
                    + "restart its workers.");
        }
        return ((ActorRef<M>) routee).call(request, timeout);
    }

    /**
     * Calls every live routee at once, each call in a task of its own, and gathers the replies with {@code joiner}: all
     * of them, the first, a quorum (see {@link Joiner}). Calls still running when the joiner has decided are cancelled.
     *
     * @throws NoRouteeException if there is no live routee
     */
    @SuppressWarnings("unchecked")
    public <R, T> T broadcastCall(Function<ReplyTo<R>, ? extends M> request, Duration timeout,
                                  Joiner<R, ? extends T> joiner) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(joiner, "joiner");
        List<ActorRef<M>> targets = routees();
        if (targets.isEmpty()) {
            throw new NoRouteeException("broadcast call through router '" + name + "' " + pid + " not made: it has "
                    + "no live routee (" + routees.describe() + ")");
        }
        try (TaskGroup<R> group = TaskGroup.open(system)) {
            for (ActorRef<M> target : targets) group.spawn(() -> target.call(request, timeout));
            return group.join(joiner);
        }
    }

    @SuppressWarnings("unchecked")
    private void sendTo(ActorCell<?> routee, M message) {
        ((ActorRef<M>) routee).cast(message);
    }

    private void noRoutee(Object message) {
        system.deadLetter(pid, "router:" + name, message, DeadLetter.Reason.NO_ROUTEE);
    }

    private Object keyOf(Object message, String operation) {
        if (!(strategy instanceof RoutingStrategy.ConsistentHash)) return null;
        if (message instanceof HashKey keyed) return Objects.requireNonNull(keyed.hashKey(), "hashKey() returned null");
        throw new IllegalArgumentException(operation + " through router '" + name + "' needs a key to hash: "
                + message.getClass().getSimpleName() + " does not implement HashKey. Use castByKey(key, message), or "
                + "implement HashKey on the message.");
    }

    private Object requireHashing(Object key, String operation) {
        Objects.requireNonNull(key, "key");
        if (!(strategy instanceof RoutingStrategy.ConsistentHash)) {
            throw new IllegalStateException(operation + " needs a consistent-hash router; router '" + name + "' uses "
                    + strategy.getClass().getSimpleName());
        }
        return key;
    }

    // ------------------------------------------------------------------------------------------------ picking

    /** Picks a live routee (for the key, under consistent hashing), or returns null if there is none. */
    ActorCell<?> pick(Object key) {
        List<ActorCell<?>> cells = routees.cells();
        int n = cells.size();
        if (n == 0) return null;
        return switch (strategy) {
            case RoutingStrategy.RoundRobin r -> {
                long start = next.getAndIncrement();
                for (int i = 0; i < n; i++) {
                    ActorCell<?> c = cells.get((int) Math.floorMod(start + i, (long) n));
                    if (c.isAlive()) yield c;
                }
                yield null;
            }
            case RoutingStrategy.Random r -> {
                int start = random.nextInt(n);
                for (int i = 0; i < n; i++) {
                    ActorCell<?> c = cells.get((start + i) % n);
                    if (c.isAlive()) yield c;
                }
                yield null;
            }
            case RoutingStrategy.SmallestMailbox s -> smallest(cells);
            case RoutingStrategy.ConsistentHash h -> {
                List<ActorCell<?>> live = cells.stream().filter(ActorCell::isAlive).toList();
                if (live.isEmpty()) yield null;
                HashRing r = ring;
                if (r == null || !r.isFor(live)) ring = r = new HashRing(live, h.virtualNodes());
                yield r.owner(key);
            }
            case RoutingStrategy.Broadcast b -> throw new IllegalStateException("a broadcast picks every routee");
        };
    }

    /** The live routee with the fewest queued messages, an idle one first; ties go round, so load spreads. */
    private ActorCell<?> smallest(List<ActorCell<?>> cells) {
        int n = cells.size();
        int start = (int) Math.floorMod(next.getAndIncrement(), (long) n);
        ActorCell<?> best = null;
        long bestScore = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            ActorCell<?> c = cells.get((start + i) % n);
            if (!c.isAlive()) continue;
            long score = 2L * c.mailboxSize() + (c.isBusy() ? 1 : 0);
            if (score == 0) return c;
            if (score < bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /** Removes the router from inspection. Its routees keep running. */
    public void close() {
        system.removeRouter(view);
    }

    /** Describes the router and its routees' load now, as {@link io.heddle.inspect.Inspector#routers()} does. */
    public RouterInfo describe() {
        List<RouterInfo.RouteeInfo> load = new ArrayList<>();
        for (ActorCell<?> cell : routees.cells()) {
            if (!cell.isAlive()) continue;
            load.add(new RouterInfo.RouteeInfo(cell.pid(), cell.name().orElse(null), cell.mailboxSize(),
                    cell.processedCount(), cell.isBusy()));
        }
        return new RouterInfo(pid, name, strategy.getClass().getSimpleName(), routees.describe(),
                pool == null ? 0 : pool.minSize(), pool == null ? 0 : pool.maxSize(), load);
    }

    /** The owned routees, for a pool. */
    RouteeSource.Owned ownedByPool() {
        return (RouteeSource.Owned) routees;
    }

    @Override
    public String toString() {
        return "Router[" + name + pid + ", " + strategy.getClass().getSimpleName() + ", " + routees.describe() + "]";
    }
}
