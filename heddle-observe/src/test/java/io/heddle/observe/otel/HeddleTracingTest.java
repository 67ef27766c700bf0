package io.heddle.observe.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.heddle.ActorContext;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Backend;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.CallFailedException;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.observe.testing.SchedulingProbe;
import io.heddle.observe.testing.SpanLog;
import io.heddle.scheduling.Watchdog;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenTelemetry adapter on a real system, exporting to an {@link InMemorySpanExporter}: one span per handled
 * message, parented on the sender's span through cast and call, so that a request is one trace across actors.
 */
class HeddleTracingTest {

    /** Passed along a chain of relays. */
    record Hop(String payload) {}

    /** Asks the front to call the back. */
    record Ask(String question) {}

    /** A request to the back. */
    record Get(ReplyTo<String> replyTo) {}

    /** A request whose handler throws. */
    record Boom(ReplyTo<String> replyTo) {}

    /** Replies to {@link Get} with "answer", throws on {@link Boom}; unnamed, so labelled HeddleTracingTest$Back. */
    record Back() implements Behavior<Object> {
        @Override
        public Behavior<Object> receive(ActorContext<Object> context, Object message) {
            switch (message) {
                case Get get -> get.replyTo().reply("answer");
                case Boom boom -> throw new IllegalStateException("no answer to " + boom.getClass().getSimpleName());
                default -> throw new IllegalArgumentException(String.valueOf(message));
            }
            return Behaviors.same();
        }
    }

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SpanLog spans = new SpanLog();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .addSpanProcessor(spans) // after the exporter: a span is exported by the time the log has it
                    .build())
            .build();
    private final SchedulingProbe scheduling = new SchedulingProbe();
    /** The span each actor saw as current in its handler, by actor name. */
    private final Map<String, SpanContext> currentInHandler = new ConcurrentHashMap<>();

    @AfterEach
    void closeTheSdk() {
        openTelemetry.close();
    }

    static Stream<Named<Backend>> backends() {
        return Stream.of(Named.of("dispatcher", Backend.dispatcher()),
                Named.of("virtual thread", Backend.virtualThread()),
                Named.of("platform thread", Backend.platformThread()));
    }

    private ActorSystemConfig quiet(String name) {
        return ActorSystemConfig.defaults(name).watchdog(Watchdog.disabled()).addSchedulingMetrics(scheduling);
    }

    private ActorSystem traced(String name) {
        return ActorSystem.create(HeddleTracing.install(quiet(name), openTelemetry));
    }

    /** Passes each hop to {@code next}, if any, remembering the span current in its handler. */
    private Behavior<Hop> relay(String name, ActorRef<Hop> next) {
        return (ctx, hop) -> {
            currentInHandler.put(name, Span.current().getSpanContext());
            if (next != null) next.cast(hop);
            return Behaviors.same();
        };
    }

    private SpanData exported(String name) {
        List<SpanData> named = exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
        assertEquals(1, named.size(), () -> "one span named " + name + " in " + exporter.getFinishedSpanItems());
        return named.getFirst();
    }

    private static <T> T attribute(SpanData span, AttributeKey<T> key) {
        return span.getAttributes().get(key);
    }

    private static void assertChildOf(SpanData parent, SpanData child) {
        assertEquals(parent.getTraceId(), child.getTraceId(), child.getName() + " is in the trace of " + parent.getName());
        assertEquals(parent.getSpanId(), child.getParentSpanId(), child.getName() + " is a child of " + parent.getName());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aCastChainIsOneTraceOfParentAndChildSpans(Backend backend) throws Exception {
        try (ActorSystem system = traced("traced")) {
            ActorRef<Hop> c = system.spawn(relay("c", null), SpawnOptions.named("c").backend(backend));
            ActorRef<Hop> b = system.spawn(relay("b", c), SpawnOptions.named("b").backend(backend));
            ActorRef<Hop> a = system.spawn(relay("a", b), SpawnOptions.named("a").backend(backend));
            a.cast(new Hop("x")); // no span current here: a's span starts the trace

            spans.awaitEnded(3); // in any order: a's span may end after c's
            SpanData spanA = exported("a handle Hop");
            SpanData spanB = exported("b handle Hop");
            SpanData spanC = exported("c handle Hop");
            assertFalse(spanA.getParentSpanContext().isValid(), "a's span is the root: " + spanA);
            assertChildOf(spanA, spanB);
            assertChildOf(spanB, spanC);

            Map<SpanData, ActorRef<Hop>> actors = Map.of(spanA, a, spanB, b, spanC, c);
            actors.forEach((span, ref) -> {
                String name = ref.name().orElseThrow();
                assertEquals(SpanKind.CONSUMER, span.getKind(), "a cast is consumed");
                assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
                assertEquals("traced", attribute(span, HeddleAttributes.SYSTEM));
                assertEquals(ref.pid().toString(), attribute(span, HeddleAttributes.ACTOR_PID));
                assertEquals(name, attribute(span, HeddleAttributes.ACTOR_NAME));
                assertEquals(name, attribute(span, HeddleAttributes.ACTOR_LABEL));
                assertEquals(Hop.class.getName(), attribute(span, HeddleAttributes.MESSAGE_TYPE));
                assertEquals("cast", attribute(span, HeddleAttributes.HANDLER_KIND));
                assertEquals(HeddleTracing.INSTRUMENTATION_NAME, span.getInstrumentationScopeInfo().getName());
                assertEquals(span.getSpanContext(), currentInHandler.get(name), "the handler runs in its span");
            });
        }
        assertEquals(3, exporter.getFinishedSpanItems().size(), exporter.getFinishedSpanItems().toString());
    }

    @Test
    @SuppressWarnings("try") // the scope is used for what making it current does
    void aCallFromAHandlerIsAChildSpanOfItAndTheRequestIsOneTrace() throws Exception {
        var tracer = openTelemetry.getTracer("test");
        try (ActorSystem system = traced("calls")) {
            ActorRef<Object> back = system.spawn(new Back());
            ActorRef<Ask> front = system.spawn((ctx, ask) -> {
                assertEquals("answer", back.call(Get::new));
                return Behaviors.same();
            }, SpawnOptions.named("front"));

            Span request = tracer.spanBuilder("request").startSpan();
            try (Scope scope = request.makeCurrent()) {
                front.cast(new Ask("what?"));
                assertEquals("answer", back.call(Get::new), "a call straight from the request's thread");
            } finally {
                request.end();
            }

            spans.awaitEnded(4); // the request, front, and back twice
            SpanData root = exported("request");
            SpanData frontSpan = exported("front handle Ask");
            List<SpanData> backSpans = exporter.getFinishedSpanItems().stream()
                    .filter(s -> s.getName().equals("HeddleTracingTest$Back handle Get")).toList();
            assertEquals(2, backSpans.size(), exporter.getFinishedSpanItems().toString());
            SpanData fromFront = backSpans.stream()
                    .filter(s -> s.getParentSpanId().equals(frontSpan.getSpanId())).findFirst().orElseThrow();
            SpanData fromTest = backSpans.stream()
                    .filter(s -> s.getParentSpanId().equals(root.getSpanId())).findFirst().orElseThrow();

            assertChildOf(root, frontSpan);
            assertChildOf(frontSpan, fromFront);
            assertChildOf(root, fromTest);
            for (SpanData call : backSpans) {
                assertEquals(SpanKind.SERVER, call.getKind(), "a call is served");
                assertEquals("call", attribute(call, HeddleAttributes.HANDLER_KIND));
                assertEquals(back.pid().toString(), attribute(call, HeddleAttributes.ACTOR_PID));
                assertNull(attribute(call, HeddleAttributes.ACTOR_NAME), "an unnamed actor has no name attribute");
                assertEquals("HeddleTracingTest$Back", attribute(call, HeddleAttributes.ACTOR_LABEL));
                assertEquals(Get.class.getName(), attribute(call, HeddleAttributes.MESSAGE_TYPE));
            }
            assertEquals(SpanKind.CONSUMER, frontSpan.getKind());
        }
    }

    @Test
    void aHandlerThatThrowsEndsItsSpanWithAnErrorAndTheException() throws Exception {
        try (ActorSystem system = traced("failing")) {
            ActorRef<Object> back = system.spawn(new Back(), SpawnOptions.named("back"));
            var failure = assertThrows(CallFailedException.class, () -> back.call(Boom::new));
            assertEquals(IllegalStateException.class, failure.getCause().getClass());

            SpanData span = spans.awaitEnded("back handle Boom");
            assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
            assertEquals("java.lang.IllegalStateException: no answer to Boom", span.getStatus().getDescription());
            EventData exception = span.getEvents().stream().filter(e -> e.getName().equals("exception"))
                    .findFirst().orElseThrow(() -> new AssertionError("no exception event: " + span.getEvents()));
            assertEquals(IllegalStateException.class.getName(),
                    exception.getAttributes().get(AttributeKey.stringKey("exception.type")));
            assertEquals("no answer to Boom",
                    exception.getAttributes().get(AttributeKey.stringKey("exception.message")));
            assertEquals(Span.getInvalid(), Span.current(), "no span leaked onto the test's thread");
        }
    }

    @Test
    void aTimerMessageStartsATraceOfItsOwn() throws Exception {
        try (ActorSystem system = traced("timers")) {
            ActorRef<String> ticker = system.spawn((ctx, m) -> {
                if (m.equals("start")) ctx.sendAfter("tick", Duration.ofMillis(1));
                return Behaviors.same();
            }, SpawnOptions.named("ticker"));
            ticker.cast("start");

            spans.awaitEnded(2); // both named "ticker handle String"
            List<SpanData> both = exporter.getFinishedSpanItems();
            SpanData start = both.stream().filter(s -> "cast".equals(attribute(s, HeddleAttributes.HANDLER_KIND)))
                    .findFirst().orElseThrow();
            SpanData timer = both.stream().filter(s -> "timer".equals(attribute(s, HeddleAttributes.HANDLER_KIND)))
                    .findFirst().orElseThrow(() -> new AssertionError("no timer span in " + both));
            assertEquals(SpanKind.INTERNAL, timer.getKind());
            assertFalse(timer.getParentSpanContext().isValid(), "a timer carries no context: " + timer);
            assertNotEquals(start.getTraceId(), timer.getTraceId());
        }
    }

    @Test
    @SuppressWarnings("try") // the scope is used for what making it current does
    void withoutTracingInstalledNoSpanIsMadeAndNoContextTravels() throws Exception {
        var tracer = openTelemetry.getTracer("test");
        try (ActorSystem system = ActorSystem.create(quiet("untraced"))) {
            ActorRef<Hop> c = system.spawn(relay("c", null), SpawnOptions.named("c"));
            ActorRef<Hop> b = system.spawn(relay("b", c), SpawnOptions.named("b"));
            ActorRef<Object> back = system.spawn(new Back());

            Span request = tracer.spanBuilder("request").startSpan();
            try (Scope scope = request.makeCurrent()) {
                b.cast(new Hop("x"));
                assertEquals("answer", back.call(Get::new));
            } finally {
                request.end();
            }
            scheduling.awaitCompleted(c.pid());
            scheduling.awaitCompleted(back.pid());
        }
        assertEquals(List.of("request"), exporter.getFinishedSpanItems().stream().map(SpanData::getName).toList());
        assertFalse(currentInHandler.get("b").isValid(), "the sender's span did not travel with the message");
        assertFalse(currentInHandler.get("c").isValid());
        assertEquals(2, currentInHandler.size(), currentInHandler.toString());
    }
}
