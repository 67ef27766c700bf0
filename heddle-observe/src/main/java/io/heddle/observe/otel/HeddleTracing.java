package io.heddle.observe.otel;

import io.heddle.ActorSystemConfig;
import io.heddle.observe.internal.TypeNames;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * OpenTelemetry tracing of an actor system: a span per handled message, a child of whatever span was current where the
 * message was sent. Install it on the configuration before creating the system:
 *
 * {@snippet :
 * var config = HeddleTracing.install(ActorSystemConfig.defaults("shop"), openTelemetry);
 * }
 *
 * <p><b>Spans.</b> Each handler runs in a span named {@code <label> handle <MessageType>} (for example
 * {@code orders handle PlaceOrder}), of kind {@code CONSUMER} for a cast, {@code SERVER} for a call and
 * {@code INTERNAL} for a timer or a signal, with the attributes in {@link HeddleAttributes}. Its parent is the context
 * that was current on the sender's thread when the message was cast or the call made; a message sent with no span
 * current, and every timer and signal, starts a new trace. While the handler runs its span is current, so the
 * messages it sends carry it on: a request through A, B and C is one trace. A handler that throws ends its span with
 * status {@code ERROR} and the exception recorded as an event.
 *
 * <p><b>Cost.</b> Tracing makes the runtime call the observer on every send (to capture {@code Context.current()})
 * and around every handler (to start, make current and end a span); the tracer's sampler decides what is recorded.
 *
 * <p><b>Threading and failures.</b> Thread-safe. Spans are started and ended on the actor's thread. An exception from
 * the OpenTelemetry SDK would fail the send or the handler; the SDK does not throw.
 */
public final class HeddleTracing {

    /** The instrumentation scope name of Heddle's tracer. */
    public static final String INSTRUMENTATION_NAME = "io.heddle.observe";

    private HeddleTracing() {}

    /**
     * Returns {@code config} with messages traced through {@code openTelemetry}'s tracer provider, the observer added
     * after those the configuration has.
     *
     * @throws NullPointerException if an argument is null
     */
    public static ActorSystemConfig install(ActorSystemConfig config, OpenTelemetry openTelemetry) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        return config.observer(new TracingObserver(openTelemetry.getTracer(INSTRUMENTATION_NAME), config.name()));
    }

    /** Returns the name of the span of a handler of {@code label} for a message of {@code messageType}. */
    public static String spanName(String label, Class<?> messageType) {
        return label + " handle " + TypeNames.simpleName(messageType);
    }
}
