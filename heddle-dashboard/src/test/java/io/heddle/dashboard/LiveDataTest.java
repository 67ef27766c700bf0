package io.heddle.dashboard;

import static io.heddle.dashboard.Fixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystemConfig;
import io.heddle.Behaviors;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.scheduling.HandlerTimedOut;
import io.heddle.scheduling.Scheduling;
import io.heddle.scheduling.TimeoutAction;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What changes over time: message rates, handler latency, scheduling events, and the event stream that pushes it. */
class LiveDataTest {

    @Test
    void aBusyActorHasAMessageRate() {
        try (Fixture f = Fixture.start("rates")) {
            ActorRef<String> busy = f.system.spawn((ctx, m) -> Behaviors.same(), SpawnOptions.named("busy"));
            Map<String, Object> idle = Http.named(Http.getArray(f.dashboard, "/api/actors"), "busy");
            assertNull(idle.get("rate"), "no rate from the first sample");
            eventually("busy shows a positive rate", () -> {
                for (int i = 0; i < 10; i++) busy.cast("work");
                Object rate = Http.named(Http.getArray(f.dashboard, "/api/actors"), "busy").get("rate");
                return rate instanceof BigDecimal r && r.signum() > 0;
            });
            eventually("the idle root settles at zero", () -> BigDecimal.ZERO.compareTo((BigDecimal)
                    Http.named(Http.getArray(f.dashboard, "/api/actors"), "root").get("rate")) == 0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anInstrumentedSystemShowsHandlerLatency() {
        try (Fixture f = Fixture.start(Dashboard.instrument(ActorSystemConfig.defaults("timed")))) {
            for (int i = 0; i < 5; i++) assertEquals("pong", f.ping());
            eventually("five handlers of the worker timed", () -> {
                Map<String, Object> latency = (Map<String, Object>) Http.named(
                        Http.getArray(f.dashboard, "/api/actors"), "worker").get("latency");
                return latency != null && latency.get("count").equals(new BigDecimal(5));
            });
            Map<String, Object> state = Http.getObject(f.dashboard, "/api/state");
            assertEquals(true, state.get("instrumented"));
            Map<String, Object> latency = (Map<String, Object>) Http.named((List<Object>) state.get("actors"),
                    "worker").get("latency");
            BigDecimal mean = (BigDecimal) latency.get("meanMs");
            BigDecimal max = (BigDecimal) latency.get("maxMs");
            BigDecimal ewma = (BigDecimal) latency.get("ewmaMs");
            assertTrue(mean.signum() >= 0 && mean.compareTo(max) <= 0 && ewma.compareTo(max) <= 0, latency.toString());
        }
        try (Fixture f = Fixture.start("untimed")) {
            assertEquals("pong", f.ping());
            Map<String, Object> state = Http.getObject(f.dashboard, "/api/state");
            assertEquals(false, state.get("instrumented"));
            assertNull(Http.named((List<Object>) state.get("actors"), "worker").get("latency"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void schedulingEventsAreServed() throws Exception {
        CountDownLatch timedOut = new CountDownLatch(1);
        ActorSystemConfig config = ActorSystemConfig.defaults("events").addSchedulingListener(event -> {
            if (event instanceof HandlerTimedOut) timedOut.countDown();
        });
        try (Fixture f = Fixture.start(config)) {
            ActorRef<String> slow = f.system.spawn((ctx, m) -> {
                timedOut.await(10, TimeUnit.SECONDS); // held until the runtime reports this handler overran
                return Behaviors.same();
            }, SpawnOptions.named("slow").scheduling(Scheduling.defaults()
                    .handlerTimeout(Duration.ofMillis(50), TimeoutAction.WARN)));
            slow.cast("work");
            assertTrue(timedOut.await(10, TimeUnit.SECONDS), "the handler timeout was reported");

            Map<String, Object> event = Http.getArray(f.dashboard, "/api/scheduling-events").stream()
                    .map(e -> (Map<String, Object>) e).filter(e -> e.get("type").equals("HandlerTimedOut"))
                    .findFirst().orElseThrow();
            assertEquals(slow.pid().toString(), event.get("actor"));
            assertTrue(event.get("summary").toString().startsWith("handler of " + slow.pid()), event.toString());
            assertFalse(event.get("summary").toString().contains("\n"));
            assertNotNull(event.get("at"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEventStreamPushesStatesUntilTheDashboardCloses() throws Exception {
        try (Fixture f = Fixture.start("stream")) {
            HttpRequest request = HttpRequest.newBuilder(f.dashboard.uri().resolve("/api/events")).GET().build();
            HttpResponse<Stream<String>> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
            try (Stream<String> lines = response.body()) {
                Iterator<String> it = lines.iterator();
                List<Map<String, Object>> states = new ArrayList<>();
                String event = null;
                while (states.size() < 3) {
                    String line = it.next();
                    if (line.startsWith("event: ")) event = line.substring(7);
                    if (line.startsWith("data: ")) {
                        assertEquals("state", event);
                        states.add(JsonParser.object(line.substring(6)));
                    }
                }
                for (Map<String, Object> state : states) {
                    assertEquals("stream", ((Map<String, Object>) state.get("system")).get("name"));
                    assertNotNull(Http.named((List<Object>) state.get("actors"), "worker"));
                }
                // Ticks follow one another: the system's uptime never goes back.
                long first = ((BigDecimal) ((Map<String, Object>) states.get(0).get("system")).get("uptimeMs"))
                        .longValue();
                long third = ((BigDecimal) ((Map<String, Object>) states.get(2).get("system")).get("uptimeMs"))
                        .longValue();
                assertTrue(third >= first, first + " then " + third);

                CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> {
                    try {
                        while (it.hasNext()) it.next();
                        return true;
                    } catch (RuntimeException connectionClosed) {
                        return true;
                    }
                });
                f.dashboard.close();
                assertTrue(ended.get(10, TimeUnit.SECONDS), "the stream ends when the dashboard closes");
            }
        }
    }

    @Test
    void detailsOfOneActorAreReadNow() {
        try (Fixture f = Fixture.start(Dashboard.instrument(ActorSystemConfig.defaults("details")))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> entered = new CompletableFuture<>();
            ActorRef<Object> holder = f.system.spawn((ctx, m) -> {
                if (m instanceof ReplyTo<?> r) ((ReplyTo<Object>) r).reply("ok");
                else {
                    entered.complete(null);
                    release.await(10, TimeUnit.SECONDS);
                }
                return Behaviors.same();
            }, SpawnOptions.named("holder"));
            holder.cast("hold");
            entered.join();
            holder.cast("queued");
            String path = "/api/actors/" + holder.pid().toString().replaceAll("[<>]", "");
            Map<String, Object> busy = Http.getObject(f.dashboard, path);
            assertEquals("java.lang.String", busy.get("currentMessage"));
            assertNotNull(busy.get("handlingForMs"));
            assertEquals(BigDecimal.ONE, busy.get("mailboxSize"));
            release.countDown();
            assertEquals("ok", holder.call(ReplyTo.class::cast));
            eventually("three handlers timed and the actor idle", () -> {
                Map<String, Object> idle = Http.getObject(f.dashboard, path);
                return idle.get("currentMessage") == null && idle.get("latency") instanceof Map<?, ?> l
                        && l.get("count").equals(new BigDecimal(3));
            });
        }
    }
}
