package io.heddle.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.inspect.ActorInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers every request: checks the Host header (on a loopback address), the token (for every {@code POST}), the
 * path and the method, then serves the page, a JSON view, the event stream, or an action.
 *
 * <p>Thread-safe: the HTTP server calls it concurrently, one virtual thread per exchange. A failure while answering is
 * a 500 with the exception's message; the server goes on.
 */
final class HttpGate implements HttpHandler {

    /** The header that carries the token. */
    static final String TOKEN_HEADER = "X-Heddle-Token";

    private static final System.Logger LOG = System.getLogger("io.heddle.dashboard");

    private final ActorSystem system;
    private final Sampler sampler;
    private final EventStream events;
    private final PageAsset page;
    private final byte[] token;
    private final boolean loopbackOnly;

    /**
     * @param loopbackOnly whether the server listens on a loopback address, and so should answer only requests whose
     *                     Host header names one (which defeats DNS rebinding)
     */
    HttpGate(ActorSystem system, Sampler sampler, EventStream events, PageAsset page, String token,
           boolean loopbackOnly) {
        this.system = system;
        this.sampler = sampler;
        this.events = events;
        this.page = page;
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.loopbackOnly = loopbackOnly;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            route(exchange);
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "dashboard of " + system.name() + " failed to answer "
                    + exchange.getRequestMethod() + " " + exchange.getRequestURI(), e);
            Responses.error(exchange, 500, "the dashboard failed to answer: " + e
                    + "; see the application's log (logger io.heddle.dashboard)");
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (loopbackOnly && !isLoopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
            Responses.error(exchange, 403, "this dashboard listens on the loopback address only and answers requests"
                    + " addressed to 127.0.0.1, [::1] or localhost; open it through one of those");
            return;
        }
        if (method.equals("POST") && !hasToken(exchange)) {
            Responses.error(exchange, 403, "stopping or killing an actor needs the dashboard's token in the "
                    + TOKEN_HEADER + " header, and this request has " + (exchange.getRequestHeaders()
                    .containsKey(TOKEN_HEADER) ? "a wrong one" : "none") + ". The application gets the token from"
                    + " Dashboard.token(); open the page through the URL with ?token=... that the application prints"
                    + " (Dashboard.uriWithToken()), or enter the token in the page");
            return;
        }
        Route route = Route.of(exchange.getRequestURI().getPath());
        boolean valid = !(route instanceof Route.Unknown || route instanceof Route.BadPid);
        boolean methodOk = method.equals(route.method()) || method.equals("HEAD") && route.method().equals("GET");
        if (valid && !methodOk) {
            exchange.getResponseHeaders().set("Allow", route.method());
            Responses.error(exchange, 405, method + " is not allowed on " + exchange.getRequestURI().getPath()
                    + "; use " + route.method());
            return;
        }
        switch (route) {
            case Route.Unknown(String path) -> Responses.error(exchange, 404, "nothing at " + path + "; the page is"
                    + " at / and the JSON views under /api/ (see docs/dashboard.md)");
            case Route.BadPid(String message) -> Responses.error(exchange, 400, message);
            case Route.Page() -> {
                exchange.getResponseHeaders().set("Content-Security-Policy", page.contentSecurityPolicy());
                Responses.send(exchange, 200, "text/html; charset=utf-8", page.html());
            }
            case Route.Read(View view) -> Responses.json(exchange, 200, view.render(sampler.latest()));
            case Route.Events() -> events.serve(exchange);
            case Route.ActorDetails(var pid) -> {
                Optional<ActorInfo> info = system.inspect().actor(pid);
                if (info.isEmpty()) {
                    Responses.error(exchange, 404, noSuchActor(pid.toString()));
                } else {
                    Responses.json(exchange, 200, StateJson.actor(info.get(), sampler.rate(pid), sampler.latency(pid)));
                }
            }
            case Route.Act(var pid, Action action) -> {
                Optional<ActorRef<?>> ref = system.inspect().ref(pid);
                if (ref.isEmpty()) {
                    Responses.error(exchange, 404, noSuchActor(pid.toString()));
                    return;
                }
                action.apply(ref.get());
                LOG.log(System.Logger.Level.INFO, "dashboard of " + system.name() + ": " + action.segment() + " "
                        + ref.get() + " at the request of " + exchange.getRemoteAddress());
                Responses.json(exchange, 202, new Json().beginObject()
                        .field("pid", pid.toString())
                        .field("action", action.segment())
                        .field("message", "asked " + ref.get() + " to " + action.segment() + "; it stops before its"
                                + " next message (a supervisor may restart it under a new pid)")
                        .endObject().toString());
            }
        }
    }

    private static String noSuchActor(String pid) {
        return "no live actor has pid " + pid + ": it has stopped, or was restarted under a new pid; reload the actor"
                + " list (/api/actors)";
    }

    private boolean hasToken(HttpExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        return given != null && MessageDigest.isEqual(token, given.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a Host header names a loopback address; a missing one (HTTP/1.0) is let through. */
    static boolean isLoopbackHost(String host) {
        if (host == null) return true;
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && h.substring(1, end).equals("::1");
        }
        int colon = h.indexOf(':');
        if (colon >= 0) h = h.substring(0, colon);
        return h.equals("localhost") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
