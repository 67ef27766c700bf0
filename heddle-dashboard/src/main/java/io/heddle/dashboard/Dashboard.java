package io.heddle.dashboard;

import com.sun.net.httpserver.HttpServer;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.spi.ActorObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A live web dashboard of one running {@link ActorSystem}, Erlang's {@code observer} in a browser: the supervision
 * tree, a sortable table of every actor (state, mailbox, message rate, handler latency, restarts, current message),
 * the links and monitors between actors, routers and pools with their routees, recent dead letters and scheduling
 * events, one actor's details, and buttons to stop or kill an actor.
 *
 * {@snippet :
 * try (Dashboard dashboard = Dashboard.start(system, DashboardOptions.defaults())) {
 *     System.out.println("Dashboard: " + dashboard.uriWithToken());
 *     // ...
 * }
 * }
 *
 * <p><b>Security.</b> Nothing listens until the application calls {@link #start}. By default the server binds
 * {@code 127.0.0.1}, so only this machine can connect, and answers only requests addressed to a loopback name.
 * Reading needs nothing; every request that changes something (a {@code POST}: stop or kill) must carry
 * {@link #token()} in the {@code X-Heddle-Token} header and is refused with 403 and an explanation otherwise. The page
 * learns the token from {@link #uriWithToken()}'s {@code ?token=} parameter, or asks for it.
 *
 * <p><b>Cost.</b> With no page open and no requests, nothing: no sampling thread does any work. While a page is open,
 * one inspection of the system per refresh interval (see {@link io.heddle.inspect.Inspector} for its cost), shared by
 * every open page, and one JSON document of every actor per interval per page. Handler latency costs a little on every
 * message, and only if the system was created with {@link #instrument}'s configuration.
 *
 * <p><b>Lifetime.</b> {@link #close()} stops the server; the dashboard also closes itself once the system has shut
 * down. Until then the HTTP server's thread keeps the JVM alive, so close it (try-with-resources) when done.
 *
 * <p>Threading: thread-safe. The server answers each request on its own virtual thread.
 */
public final class Dashboard implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.heddle.dashboard");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ActorSystem system;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Sampler sampler;
    private final String token;
    private final URI uri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Dashboard(ActorSystem system, HttpServer server, ExecutorService executor, Sampler sampler, String token,
                      URI uri) {
        this.system = system;
        this.server = server;
        this.executor = executor;
        this.sampler = sampler;
        this.token = token;
        this.uri = uri;
    }

    /**
     * Starts a dashboard of {@code system} with the default options: {@code http://127.0.0.1:8642/}, a random token,
     * refreshed every second. See {@link #start(ActorSystem, DashboardOptions)}.
     */
    public static Dashboard start(ActorSystem system) {
        return start(system, DashboardOptions.defaults());
    }

    /**
     * Starts a dashboard of {@code system}: binds the address and port of {@code options} and serves the page and its
     * JSON views until {@link #close()} or the system's shutdown. Returns once the server is listening.
     *
     * @throws UncheckedIOException     if the address cannot be bound (the port is taken, say), with a message that
     *                                  says which; nothing is left running
     * @throws IllegalStateException    if the system is not running
     * @throws NullPointerException     if an argument is null
     */
    public static Dashboard start(ActorSystem system, DashboardOptions options) {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(options, "options");
        if (!system.isRunning()) {
            throw new IllegalStateException("actor system '" + system.name() + "' has shut down; start the dashboard"
                    + " while it runs");
        }
        PageAsset page = PageAsset.load();
        String token = options.token() != null ? options.token() : randomToken();
        InetSocketAddress address = new InetSocketAddress(resolve(options.host()), options.port());
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (BindException e) {
            throw new UncheckedIOException("the dashboard could not listen on " + options.host() + ":"
                    + options.port() + " (" + e.getMessage() + "); the port is probably taken: choose another with"
                    + " DashboardOptions.port(...), or 0 for any free port", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard could not listen on " + options.host() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        }
        Sampler sampler = new Sampler(system, timings(system.config()), options.refreshInterval());
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("heddle-dashboard-" + system.name() + "-", 0).factory());
        boolean loopback = address.getAddress().isLoopbackAddress();
        Dashboard dashboard;
        try {
            EventStream events = new EventStream(sampler, Math.max(1_000, options.refreshInterval().toMillis() * 2));
            server.createContext("/", new HttpGate(system, sampler, events, page, token, loopback));
            server.setExecutor(executor);
            server.start();
            dashboard = new Dashboard(system, server, executor, sampler, token, uriOf(server.getAddress()));
        } catch (RuntimeException | Error e) {
            sampler.close();
            server.stop(0);
            executor.shutdownNow();
            throw e;
        }
        // Closing waits up to a second for requests in progress: not on the runtime thread that completes termination.
        system.termination().whenComplete((ignored, failure) ->
                Thread.ofVirtual().name("heddle-dashboard-close").start(dashboard::close));
        if (!loopback) {
            LOG.log(System.Logger.Level.WARNING, "the dashboard of " + system.name() + " listens on "
                    + dashboard.uri + ", which is not a loopback address: anyone who can reach it can read the state"
                    + " of every actor (stopping and killing still needs the token)");
        }
        return dashboard;
    }

    /**
     * Returns {@code config} with an observer added that times every handler, so that the dashboard can show each
     * actor's handler latency; without it the latency column shows a dash. Create the system from the result:
     *
     * {@snippet :
     * ActorSystem system = ActorSystem.create(Dashboard.instrument(ActorSystemConfig.defaults("shop")));
     * }
     *
     * <p>Cost: two {@link System#nanoTime()} reads, a map lookup, a small allocation and a few atomic updates per
     * handled message, on the actor's thread; it never blocks. It also turns on message tracing, which calls every
     * tracing observer on each send. Calling it twice adds one observer, not two.
     */
    public static ActorSystemConfig instrument(ActorSystemConfig config) {
        Objects.requireNonNull(config, "config");
        return timings(config) != null ? config : config.observer(new HandlerTimings());
    }

    /** Returns the address of the page, for example {@code http://127.0.0.1:8642/}; it has no token. */
    public URI uri() {
        return uri;
    }

    /**
     * Returns the address of the page with the token as a query parameter ({@code http://127.0.0.1:8642/?token=...}):
     * the link to print for the person who may stop and kill actors. The page keeps the token for its browser tab and
     * removes it from the address bar.
     */
    public URI uriWithToken() {
        return URI.create(uri + "?token=" + token);
    }

    /** Returns the token that stop and kill requests must carry in the {@code X-Heddle-Token} header. */
    public String token() {
        return token;
    }

    /** Returns the system shown. */
    public ActorSystem system() {
        return system;
    }

    /** Returns the number of event streams open now: the pages watching. */
    int openStreams() {
        return sampler.openStreams();
    }

    /** Returns true until the dashboard is closed. */
    public boolean isRunning() {
        return !closed.get();
    }

    /**
     * Stops the server: open pages lose their event streams (and say that they are reconnecting), requests in
     * progress get up to a second to finish, and the port is released. Idempotent; never throws.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        sampler.close();
        server.stop(1);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "Dashboard[" + system.name() + " at " + uri + (isRunning() ? "" : ", closed") + "]";
    }

    private static HandlerTimings timings(ActorSystemConfig config) {
        for (ActorObserver observer : config.observers()) {
            if (observer instanceof HandlerTimings timings) return timings;
        }
        return null;
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException("the dashboard cannot listen on '" + host + "': no such host or address;"
                    + " use " + DashboardOptions.DEFAULT_HOST + " (the default) or an address of this machine", e);
        }
    }

    private static URI uriOf(InetSocketAddress bound) {
        InetAddress address = bound.getAddress();
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
        return URI.create("http://" + host + ":" + bound.getPort() + "/");
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
