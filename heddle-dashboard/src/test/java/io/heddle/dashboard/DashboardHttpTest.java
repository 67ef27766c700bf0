package io.heddle.dashboard;

import static io.heddle.dashboard.Fixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behaviors;
import io.heddle.ExitReason;
import io.heddle.SpawnOptions;
import io.heddle.routing.Pool;
import io.heddle.routing.PoolSpec;
import io.heddle.routing.Router;
import io.heddle.routing.RoutingStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The dashboard's HTTP side, against real systems: what it serves, what it refuses, where it listens. */
class DashboardHttpTest {

    @Test
    void itListensOnTheLoopbackAddressOnly() throws Exception {
        try (Fixture f = Fixture.start("loopback")) {
            int port = f.dashboard.uri().getPort();
            assertEquals("127.0.0.1", f.dashboard.uri().getHost());
            assertNotEquals(0, port);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertTrue(s.isConnected());
            }
            // Every other IPv4 address of this machine is refused: the server is bound to 127.0.0.1 alone.
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                for (InetAddress address : nic.inetAddresses().toList()) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        assertThrows(IOException.class, () -> {
                            try (Socket s = new Socket()) {
                                s.connect(new InetSocketAddress(address, port), 2_000);
                            }
                        }, "connecting through " + address);
                    }
                }
            }
        }
    }

    @Test
    void requestsAddressedToAnotherHostAreRefused() throws Exception {
        try (Fixture f = Fixture.start("rebinding")) {
            String answer = rawGet(f.dashboard, "/api/system", "attacker.example");
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
            assertTrue(answer.contains("loopback address only"), answer);
            assertTrue(rawGet(f.dashboard, "/api/system", "localhost:" + f.dashboard.uri().getPort())
                    .startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theActorsAndTreeOfARealSystemAreServed() {
        try (Fixture f = Fixture.start("served")) {
            ActorRef<Object> worker = f.worker();
            ActorRef<?> root = f.supervisor.ref();

            List<Object> actors = Http.getArray(f.dashboard, "/api/actors");
            Map<String, Object> rootJson = Http.named(actors, "root");
            Map<String, Object> workerJson = Http.named(actors, "worker");
            assertNotNull(rootJson, "root among " + actors);
            assertNotNull(workerJson, "worker among " + actors);
            assertEquals(root.pid().toString(), rootJson.get("pid"));
            assertEquals("SUPERVISOR", rootJson.get("kind"));
            assertEquals(worker.pid().toString(), workerJson.get("pid"));
            assertEquals("ACTOR", workerJson.get("kind"));
            assertEquals(root.pid().toString(), workerJson.get("parent"));
            assertEquals("worker", workerJson.get("childId"));
            assertEquals(BigDecimal.ZERO, workerJson.get("restarts"));
            assertEquals(new BigDecimal(1000), workerJson.get("mailboxCapacity"), "the default mailbox");
            assertEquals(List.of(root.pid().toString()), workerJson.get("links"), "a supervisor links its children");
            assertEquals(null, workerJson.get("latency"), "not instrumented");

            Map<String, Object> tree = Http.getObject(f.dashboard, "/api/tree");
            assertEquals("served", tree.get("system"));
            Map<String, Object> rootNode = ((List<Map<String, Object>>) tree.get("roots")).stream()
                    .filter(n -> "root".equals(n.get("name"))).findFirst().orElseThrow();
            List<Map<String, Object>> children = (List<Map<String, Object>>) rootNode.get("children");
            assertEquals(1, children.size());
            assertEquals(worker.pid().toString(), children.getFirst().get("pid"));
            assertEquals("worker", children.getFirst().get("name"));

            Map<String, Object> system = Http.getObject(f.dashboard, "/api/system");
            assertEquals("served", system.get("name"));
            assertEquals(true, system.get("running"));
            assertEquals(new BigDecimal(2), system.get("actors"));

            String bare = worker.pid().toString().replaceAll("[<>]", "");
            Map<String, Object> details = Http.getObject(f.dashboard, "/api/actors/" + bare);
            assertEquals(worker.pid().toString(), details.get("pid"));
            assertEquals("worker", details.get("displayName").toString().replace(worker.pid().toString(), ""));
            assertEquals(details.get("pid"), Http.getObject(f.dashboard, "/api/actors/%3C" + bare + "%3E")
                    .get("pid"), "the printed form works too, URL-encoded");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void routersAndPoolsAreServedWithTheirRoutees() {
        try (Fixture f = Fixture.start("routers");
             Pool<String> pool = Pool.start(f.system, PoolSpec.<String>of("resizers", 3,
                     () -> (ctx, message) -> Behaviors.same()));
             Router<Object> quotes = Router.of(f.system, "quotes", RoutingStrategy.random(), List.of(f.worker()))) {
            List<String> workers = pool.workers().stream().map(w -> w.pid().toString()).toList();
            assertEquals(3, workers.size());

            Fixture.eventually("the pool's three workers in /api/routers", () -> {
                Map<String, Object> listed = routerNamed(Http.getArray(f.dashboard, "/api/routers"), "resizers");
                return listed != null && ((List<Object>) listed.get("routees")).size() == 3;
            });
            List<Object> routers = Http.getArray(f.dashboard, "/api/routers");
            assertEquals(2, routers.size(), routers.toString());

            Map<String, Object> resizers = routerNamed(routers, "resizers");
            assertEquals(pool.router().pid().toString(), resizers.get("pid"));
            assertEquals("RoundRobin", resizers.get("strategy"), "a pool's default strategy");
            assertEquals("pool", resizers.get("source"));
            assertEquals(true, resizers.get("pool"));
            assertEquals(new BigDecimal(3), resizers.get("minSize"));
            assertEquals(new BigDecimal(3), resizers.get("maxSize"));
            assertEquals(new BigDecimal(3), resizers.get("size"));
            List<Map<String, Object>> routees = (List<Map<String, Object>>) resizers.get("routees");
            assertEquals(workers, routees.stream().map(r -> r.get("pid")).toList());
            for (Map<String, Object> routee : routees) {
                assertEquals(BigDecimal.ZERO, routee.get("mailboxSize"), routee.toString());
                assertTrue(routee.containsKey("name") && routee.containsKey("processed")
                        && routee.get("busy") instanceof Boolean, routee.toString());
            }

            Map<String, Object> fixed = routerNamed(routers, "quotes");
            assertEquals(quotes.pid().toString(), fixed.get("pid"));
            assertEquals("Random", fixed.get("strategy"));
            assertEquals("fixed", fixed.get("source"));
            assertEquals(false, fixed.get("pool"));
            assertNull(fixed.get("minSize"), "not a pool");
            assertNull(fixed.get("maxSize"), "not a pool");
            List<Map<String, Object>> fixedRoutees = (List<Map<String, Object>>) fixed.get("routees");
            assertEquals(List.of(f.worker().pid().toString()), fixedRoutees.stream().map(r -> r.get("pid")).toList());
            assertEquals("worker", fixedRoutees.getFirst().get("name"));

            List<Object> inState = (List<Object>) Http.getObject(f.dashboard, "/api/state").get("routers");
            assertNotNull(routerNamed(inState, "resizers"), "the page's document has the routers: " + inState);
            assertNotNull(routerNamed(inState, "quotes"), "the page's document has the routers: " + inState);

            quotes.close();
            Fixture.eventually("a closed router leaves /api/routers",
                    () -> routerNamed(Http.getArray(f.dashboard, "/api/routers"), "quotes") == null);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> routerNamed(List<Object> routers, String name) {
        return routers.stream().map(r -> (Map<String, Object>) r).filter(r -> name.equals(r.get("name")))
                .findFirst().orElse(null);
    }

    @Test
    void actionsWithoutTheTokenAreRefusedAndChangeNothing() {
        try (Fixture f = Fixture.start("refused")) {
            ActorRef<Object> worker = f.worker();
            String path = "/api/actors/" + worker.pid().toString().replaceAll("[<>]", "");
            for (String action : List.of("/stop", "/kill")) {
                HttpResponse<String> none = Http.post(f.dashboard, path + action, null);
                assertEquals(403, none.statusCode());
                Map<String, Object> error = JsonParser.object(none.body());
                assertTrue(error.get("error").toString().contains("X-Heddle-Token header, and this request has none"),
                        none.body());
                HttpResponse<String> wrong = Http.post(f.dashboard, path + action, "not-the-token-0123456789");
                assertEquals(403, wrong.statusCode());
                assertTrue(wrong.body().contains("a wrong one"), wrong.body());
            }
            assertEquals(403, Http.post(f.dashboard, "/api/anything", null).statusCode(), "every POST needs it");
            // A stopped or killed actor would not answer: it stops before its next message.
            assertEquals("pong", f.ping());
            assertEquals(worker, f.worker(), "not restarted either");
        }
    }

    @Test
    void withTheTokenStopAndKillWork() throws Exception {
        try (Fixture f = Fixture.start("actions")) {
            ActorRef<Object> first = f.worker();
            HttpResponse<String> killed = Http.post(f.dashboard, "/api/actors/" + bare(first) + "/kill",
                    f.dashboard.token());
            assertEquals(202, killed.statusCode(), killed.body());
            assertEquals("kill", JsonParser.object(killed.body()).get("action"));
            assertEquals(ExitReason.KILLED, first.termination().get(10, TimeUnit.SECONDS));
            eventually("the supervisor restarts the killed worker", () -> {
                Map<String, Object> w = Http.named(Http.getArray(f.dashboard, "/api/actors"), "worker");
                return w != null && !w.get("pid").equals(first.pid().toString())
                        && w.get("restarts").equals(BigDecimal.ONE);
            });

            ActorRef<String> loner = f.system.spawn((ctx, m) -> Behaviors.same(), SpawnOptions.named("loner"));
            HttpResponse<String> stopped = Http.post(f.dashboard, "/api/actors/" + bare(loner) + "/stop",
                    f.dashboard.token());
            assertEquals(202, stopped.statusCode(), stopped.body());
            assertEquals(ExitReason.SHUTDOWN, loner.termination().get(10, TimeUnit.SECONDS));

            HttpResponse<String> gone = Http.post(f.dashboard, "/api/actors/" + bare(loner) + "/stop",
                    f.dashboard.token());
            assertEquals(404, gone.statusCode());
            assertTrue(gone.body().contains("no live actor has pid " + loner.pid()), gone.body());
            assertEquals(404, Http.get(f.dashboard, "/api/actors/" + bare(loner)).statusCode());
        }
    }

    @Test
    void badRequestsAreExplained() {
        try (Fixture f = Fixture.start("bad")) {
            String worker = "/api/actors/" + bare(f.worker());
            HttpResponse<String> getAction = Http.get(f.dashboard, worker + "/stop");
            assertEquals(405, getAction.statusCode());
            assertEquals("POST", getAction.headers().firstValue("Allow").orElseThrow());
            HttpResponse<String> postView = Http.post(f.dashboard, "/api/actors", f.dashboard.token());
            assertEquals(405, postView.statusCode());
            assertEquals("GET", postView.headers().firstValue("Allow").orElseThrow());
            HttpResponse<String> badPid = Http.get(f.dashboard, "/api/actors/not-a-pid");
            assertEquals(400, badPid.statusCode());
            assertTrue(badPid.body().contains("write it as Heddle prints it, <0.42.0>"), badPid.body());
            HttpResponse<String> nowhere = Http.get(f.dashboard, "/nowhere");
            assertEquals(404, nowhere.statusCode());
            assertTrue(JsonParser.object(nowhere.body()).get("error").toString().contains("the page is at /"));
            assertEquals(404, Http.post(f.dashboard, worker + "/explode", f.dashboard.token()).statusCode());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void linksMonitorsAndDeadLettersAreServed() throws Exception {
        try (Fixture f = Fixture.start("graph")) {
            ActorRef<String> target = f.system.spawn((ctx, m) -> Behaviors.same(), SpawnOptions.named("target"));
            ActorRef<String> watcher = f.system.start(Behaviors.setup(ctx -> {
                ctx.monitor(target, down -> "down");
                ctx.link(target);
                return (c, m) -> Behaviors.same();
            }), SpawnOptions.named("watcher"));
            ActorRef<String> gone = f.system.spawn((ctx, m) -> Behaviors.same(), SpawnOptions.named("gone"));
            gone.stop();
            gone.termination().get(10, TimeUnit.SECONDS);
            gone.cast("lost letter");

            List<Object> links = Http.getArray(f.dashboard, "/api/links");
            assertTrue(links.contains(Map.of("a", target.pid().toString(), "b", watcher.pid().toString())),
                    links.toString());
            assertTrue(links.contains(Map.of("a", f.supervisor.ref().pid().toString(),
                    "b", f.worker().pid().toString())), "the supervisor's link to its child: " + links);
            assertEquals(List.of(Map.of("watcher", watcher.pid().toString(), "target", target.pid().toString())),
                    Http.getArray(f.dashboard, "/api/monitors"));

            Map<String, Object> letter = (Map<String, Object>) Http.getArray(f.dashboard, "/api/dead-letters")
                    .getLast();
            assertEquals(gone.pid().toString(), letter.get("recipient"));
            assertEquals("gone", letter.get("recipientName"));
            assertEquals("java.lang.String", letter.get("messageType"));
            assertEquals("lost letter", letter.get("message"));
            assertEquals("RECIPIENT_STOPPED", letter.get("reason"));
            assertNotNull(letter.get("at"));
        }
    }

    @Test
    void thePageIsOneSelfContainedAsset() {
        try (Fixture f = Fixture.start("page")) {
            HttpResponse<String> page = Http.get(f.dashboard, "/");
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'sha256-")
                    && csp.contains("connect-src 'self'"), csp);
            String html = page.body();
            assertTrue(html.contains("id=\"actor-rows\"") && html.contains("id=\"tree\"")
                    && html.contains("id=\"graph\""), "the panels the browser test finds");
            String withoutSvgNamespace = html.replace("http://www.w3.org/2000/svg", "");
            assertFalse(withoutSvgNamespace.contains("http://") || withoutSvgNamespace.contains("https://")
                    || withoutSvgNamespace.contains("//cdn"), "no address outside the dashboard");
            assertFalse(html.contains(" src="), "no external script or image");
            assertFalse(html.contains("rel=\"stylesheet\""), "no external style sheet");
            assertEquals(200, Http.get(f.dashboard, "/index.html").statusCode());
        }
    }

    @Test
    void headAnswersWithHeadersOnlyEvenForTheEventStream() {
        try (Fixture f = Fixture.start("head")) {
            for (String path : List.of("/", "/api/state", "/api/events")) {
                HttpResponse<String> head = Http.send(HttpRequest.newBuilder(f.dashboard.uri().resolve(path))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
                assertEquals(200, head.statusCode(), path);
                assertEquals("", head.body(), path);
            }
            assertEquals(0, f.dashboard.openStreams(), "a HEAD opens no stream");
        }
    }

    @Test
    void closingReleasesThePortAndShutdownClosesTheDashboard() throws Exception {
        Fixture f = Fixture.start("closing");
        int port = f.dashboard.uri().getPort();
        f.dashboard.close();
        assertFalse(f.dashboard.isRunning());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        f.dashboard.close(); // idempotent

        try (ActorSystem system = ActorSystem.create("shutdown")) {
            Dashboard dashboard = Dashboard.start(system, Fixture.options());
            int second = dashboard.uri().getPort();
            system.close();
            eventually("the dashboard closes once its system has shut down", () -> !dashboard.isRunning());
            eventually("and releases its port", () -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), second)) {
                    return false;
                } catch (IOException refused) {
                    return true;
                }
            });
            IllegalStateException late = assertThrows(IllegalStateException.class,
                    () -> Dashboard.start(system, Fixture.options()));
            assertTrue(late.getMessage().contains("has shut down"), late.getMessage());
        }
        f.close();
    }

    @Test
    void aTakenPortIsReportedWithWhatToDo() {
        try (Fixture f = Fixture.start("taken")) {
            int port = f.dashboard.uri().getPort();
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> Dashboard.start(f.system, Fixture.options().port(port)));
            assertTrue(e.getMessage().contains("the port is probably taken") && e.getMessage().contains("port(...)"),
                    e.getMessage());
            assertEquals(200, Http.get(f.dashboard, "/api/system").statusCode(), "the first one is unharmed");
        }
    }

    @Test
    void aFixedTokenIsUsedAndTheUriCarriesIt() {
        String token = "fixed-token-0123456789";
        try (ActorSystem system = ActorSystem.create("fixed");
             Dashboard dashboard = Dashboard.start(system, Fixture.options().token(token))) {
            assertEquals(token, dashboard.token());
            assertEquals(dashboard.uri() + "?token=" + token, dashboard.uriWithToken().toString());
            assertEquals(403, Http.post(dashboard, "/api/actors/0.1.0/stop", "another-token-0123456789")
                    .statusCode());
            assertEquals(404, Http.post(dashboard, "/api/actors/0.32000.9/stop", token).statusCode(),
                    "accepted, but no such actor");
        }
        try (ActorSystem system = ActorSystem.create("random");
             Dashboard one = Dashboard.start(system, Fixture.options());
             Dashboard two = Dashboard.start(system, Fixture.options())) {
            assertTrue(one.token().matches("[0-9a-f]{32}"), one.token());
            assertNotEquals(one.token(), two.token(), "a fresh random token per start");
        }
    }

    private static String bare(ActorRef<?> ref) {
        return ref.pid().toString().replaceAll("[<>]", "");
    }

    /** A GET over a plain socket, to send a Host header java.net.http will not. Returns the whole answer. */
    private static String rawGet(Dashboard dashboard, String path, String host) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), dashboard.uri().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
