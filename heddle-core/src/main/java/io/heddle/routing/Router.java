package io.heddle.routing;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.DeadLetter;
import io.heddle.Group;
import io.heddle.Name;
import io.heddle.Pid;
import io.heddle.ReplyTo;
import io.heddle.inspect.RouterInfo;
import io.heddle.internal.routing.RouterEngine;
import io.heddle.task.Joiner;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Sends each message to one of a set of actors, its routees, picked by a {@link RoutingStrategy}. A router is not an
 * actor: it routes on the sender's thread, so a cast through it costs one routing decision and one send, with no hop
 * through a router actor.
 *
 * {@snippet :
 * Router<QuoteMsg> quotes = Router.of(system, "quotes", RoutingStrategy.roundRobin(), List.of(q1, q2, q3));
 * quotes.cast(new Refresh());
 * int price = quotes.call(r -> new GetQuote("acme", r));
 * }
 *
 * <p><b>Routees.</b> Given by hand ({@link #of}, {@link #add}, {@link #remove}), the members of a registry
 * {@link Group} ({@link #group}), the actors holding some registered names ({@link #named}), or the workers of a
 * {@link Pool}. A routee that has stopped is never picked, and leaves the set as soon as its termination completes;
 * group members leave their group when they stop; names are looked up on every send, so a restarted actor that
 * registers its name again is found.
 *
 * <p><b>Failures.</b> A cast that finds no live routee goes to dead letters with
 * {@link DeadLetter.Reason#NO_ROUTEE}; a call throws {@link NoRouteeException}. Otherwise a cast and a call behave as
 * {@link ActorRef#cast} and {@link ActorRef#call} on the routee picked. Closing a router only removes it from
 * inspection; its routees are not stopped.
 *
 * <p>Threading: thread-safe; the sending methods may be called from any thread, concurrently.
 *
 * @param <M> the type of messages the routees accept
 */
public final class Router<M> implements AutoCloseable {

    private final RouterEngine<M> engine;

    /** Wraps {@code engine}; a {@link Pool} makes the router of its workers this way. */
    Router(RouterEngine<M> engine) {
        this.engine = engine;
    }

    /** Returns a router over {@code routees}, which may be changed later with {@link #add} and {@link #remove}. */
    public static <M> Router<M> of(ActorSystem system, String name, RoutingStrategy strategy,
                                   Collection<? extends ActorRef<M>> routees) {
        return new Router<>(RouterEngine.of(system, name, strategy, routees));
    }

    /** Returns a router over the members of {@code group}, as they join and leave. */
    public static <M> Router<M> group(ActorSystem system, Group<M> group, RoutingStrategy strategy) {
        return new Router<>(RouterEngine.group(system, group, strategy));
    }

    /** Returns a router over the actors registered under {@code names}, looked up on every send. */
    public static <M> Router<M> named(ActorSystem system, String name, RoutingStrategy strategy,
                                      List<Name<M>> names) {
        return new Router<>(RouterEngine.named(system, name, strategy, names));
    }

    /** Returns the router's name. */
    public String name() {
        return engine.name();
    }

    /** Returns the router's pid: its identity in dead letters and inspection. */
    public Pid pid() {
        return engine.pid();
    }

    /** Returns the routing strategy. */
    public RoutingStrategy strategy() {
        return engine.strategy();
    }

    /** Returns the live routees, in routing order. */
    public List<ActorRef<M>> routees() {
        return engine.routees();
    }

    /**
     * Adds a routee; it leaves on its own when it stops. Returns false if it has stopped already.
     *
     * @throws UnsupportedOperationException for a router over a group, names or a pool, whose routees it does not own
     */
    public boolean add(ActorRef<M> routee) {
        return engine.add(routee);
    }

    /**
     * Removes a routee. Returns true if it was one.
     *
     * @throws UnsupportedOperationException for a router over a group, names or a pool
     */
    public boolean remove(ActorRef<M> routee) {
        return engine.remove(routee);
    }

    // ------------------------------------------------------------------------------------------------ sending

    /**
     * Sends {@code message} to the routee the strategy picks (to every routee, under {@link RoutingStrategy#broadcast()}).
     * Under consistent hashing the message must implement {@link HashKey}; use {@link #castByKey} otherwise.
     *
     * @throws IllegalArgumentException under consistent hashing, if the message has no key
     */
    public void cast(M message) {
        engine.cast(message);
    }

    /** Sends {@code message} to the routee that owns {@code key} on the hash ring (consistent hashing only). */
    public void castByKey(Object key, M message) {
        engine.castByKey(key, message);
    }

    /** Calls the routee the strategy picks, with the system's default call timeout; see {@link ActorRef#call}. */
    public <R> R call(Function<ReplyTo<R>, ? extends M> request) {
        return engine.call(request);
    }

    /**
     * Calls the routee the strategy picks; see {@link ActorRef#call}.
     *
     * @throws NoRouteeException        if there is no live routee
     * @throws IllegalStateException    under broadcast (use {@link #broadcastCall}) or consistent hashing (use
     *                                  {@link #callByKey}: the key must be known before the request is built)
     */
    public <R> R call(Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        return engine.call(request, timeout);
    }

    /** Calls the routee that owns {@code key} on the hash ring (consistent hashing only). */
    public <R> R callByKey(Object key, Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        return engine.callByKey(key, request, timeout);
    }

    /** Calls every live routee at once and returns their replies in routing order; fails at the first failure. */
    public <R> List<R> broadcastCall(Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        return broadcastCall(request, timeout, Joiner.firstFailure());
    }

    /**
     * Calls every live routee at once, each call in a task of its own, and gathers the replies with {@code joiner}: all
     * of them, the first, a quorum (see {@link Joiner}). Calls still running when the joiner has decided are cancelled.
     *
     * @throws NoRouteeException if there is no live routee
     */
    public <R, T> T broadcastCall(Function<ReplyTo<R>, ? extends M> request, Duration timeout,
                                  Joiner<R, ? extends T> joiner) {
        return engine.broadcastCall(request, timeout, joiner);
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /** Removes the router from inspection. Its routees keep running. */
    @Override
    public void close() {
        engine.close();
    }

    /** Describes the router and its routees' load now, as {@link io.heddle.inspect.Inspector#routers()} does. */
    public RouterInfo describe() {
        return engine.describe();
    }

    @Override
    public String toString() {
        return engine.toString();
    }
}
