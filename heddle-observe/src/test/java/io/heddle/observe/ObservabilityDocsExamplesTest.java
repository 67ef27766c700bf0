package io.heddle.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.observe.jfr.EventNames;
import io.heddle.observe.jfr.HeddleFlightRecorder;
import io.heddle.observe.micrometer.HeddleMetrics;
import io.heddle.observe.micrometer.MeterNames;
import io.heddle.observe.micrometer.MeterTags;
import io.heddle.observe.micrometer.MetricsOptions;
import io.heddle.observe.otel.HeddleTracing;
import io.heddle.observe.slf4j.HeddleMdc;
import io.heddle.observe.testing.CapturedLogs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The examples of {@code docs/observability.md}, which quotes them line for line (heddle-examples' DocsSnippetsTest
 * checks that it does). Each runs and checks what the guide says it shows.
 */
class ObservabilityDocsExamplesTest {

    private static final Logger LOG = LoggerFactory.getLogger(ObservabilityDocsExamplesTest.class);

    sealed interface OrderMsg {}

    record PlaceOrder(String item, ReplyTo<String> replyTo) implements OrderMsg {}

    static Behavior<OrderMsg> orders() {
        return (ctx, msg) -> switch (msg) {
            case PlaceOrder(String item, ReplyTo<String> replyTo) -> {
                LOG.info("placing an order for {}", item);       // the line carries heddle.pid and heddle.actor
                replyTo.reply("order for " + item);
                yield Behaviors.same();
            }
        };
    }

    /** Every adapter on one configuration, as the guide's first example shows. */
    static ActorSystemConfig observed(MeterRegistry registry, OpenTelemetry openTelemetry) {
        ActorSystemConfig config = ActorSystemConfig.defaults("shop");
        config = HeddleMetrics.install(config, registry);               // Micrometer meters
        config = HeddleTracing.install(config, openTelemetry);          // a span per handled message
        config = HeddleFlightRecorder.install(config);                  // JFR events
        config = HeddleMdc.install(config);                             // the actor in the SLF4J MDC
        return config;
    }

    @Test
    @SuppressWarnings("try") // the scope is used for what making it current does
    void everyAdapterOnOneSystem() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        String confirmation;
        try (CapturedLogs logs = new CapturedLogs(LOG);
             OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                     .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build()) {
            Tracer tracer = openTelemetry.getTracer("shop");
            try (ActorSystem system = ActorSystem.create(observed(registry, openTelemetry))) {
                ActorRef<OrderMsg> orders = system.spawn(orders(), SpawnOptions.named("orders"));
                Span span = tracer.spanBuilder("checkout").startSpan();
                try (Scope scope = span.makeCurrent()) {
                    confirmation = orders.call(replyTo -> new PlaceOrder("tea", replyTo));   // a child of checkout
                } finally {
                    span.end();
                }
                Map<String, String> mdc = logs.await("placing an order for tea").mdc();
                assertEquals("orders", mdc.get(HeddleMdc.ACTOR_KEY));
                assertEquals(orders.pid().toString(), mdc.get(HeddleMdc.PID_KEY));
            } // closing the system waits for the handler to be over, and so for its span and meters

            double handled = registry.get(MeterNames.MESSAGES_PROCESSED).tags("actor", "orders").counter().count();
            assertEquals(1, handled);
            List<SpanData> spans = exporter.getFinishedSpanItems(); // before the SDK closes, which clears them
            SpanData checkout = spans.stream().filter(s -> s.getName().equals("checkout")).findFirst().orElseThrow();
            SpanData handler = spans.stream().filter(s -> s.getName().equals("orders handle PlaceOrder")).findFirst()
                    .orElseThrow(() -> new AssertionError(spans.toString()));
            assertEquals(checkout.getSpanId(), handler.getParentSpanId());
            assertEquals(checkout.getTraceId(), handler.getTraceId());
        }
        assertEquals("order for tea", confirmation);
    }

    @Test
    void pidTagsForAFewLongLivedActors() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        MetricsOptions options = MetricsOptions.defaults().pidTags(true);   // a series per actor, not per label
        ActorSystemConfig config = HeddleMetrics.install(ActorSystemConfig.defaults("shop"), registry, options);
        try (ActorSystem system = ActorSystem.create(config)) {
            ActorRef<OrderMsg> orders = system.spawn(orders(), SpawnOptions.named("orders"));
            assertEquals("order for jam", orders.<String>call(replyTo -> new PlaceOrder("jam", replyTo)));
            String pid = orders.pid().toString();
            assertEquals(1, registry.get(MeterNames.MAILBOX_SIZE).tags(MeterTags.PID, pid).gauges().size());
        }
    }

    @Test
    void recordingHeddleEventsFromCode(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("shop.jfr");
        ActorSystemConfig config = HeddleFlightRecorder.install(ActorSystemConfig.defaults("shop"));
        try (Recording recording = new Recording()) {
            recording.enable(EventNames.MESSAGE_HANDLED).withThreshold(Duration.ofMillis(1));
            recording.enable(EventNames.DEAD_LETTER);
            recording.start();
            try (ActorSystem system = ActorSystem.create(config)) {
                ActorRef<OrderMsg> orders = system.spawn(orders(), SpawnOptions.named("orders"));
                orders.stop();
                orders.termination().join();
                orders.cast(new PlaceOrder("cake", null));                       // a dead letter: orders has stopped
            }
            recording.stop();
            recording.dump(file);
        }
        List<String> reasons = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().equals(EventNames.DEAD_LETTER)) reasons.add(event.getString("reason"));
        }
        assertTrue(reasons.contains("RECIPIENT_STOPPED"), reasons.toString());
    }
}
