package io.heddle.observe.otel;

import io.heddle.Pid;
import io.heddle.spi.ActorObserver;
import io.heddle.observe.internal.TypeNames;
import io.heddle.scheduling.HandlerKind;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * Carries the sender's context with each message and wraps each handler in a span that is its child. Thread-safe:
 * {@link #onSend} runs on the sender's thread; {@link #beforeHandler} and {@link #afterHandler} run on the actor's, one
 * after the other, so the scope opened by the one is closed by the other on the same thread.
 */
final class TracingObserver implements ActorObserver {

    private final Tracer tracer;
    private final String systemName;

    TracingObserver(Tracer tracer, String systemName) {
        this.tracer = tracer;
        this.systemName = systemName;
    }

    @Override
    public boolean tracesMessages() {
        return true;
    }

    /** Returns the sender's current context, or null for the root context (nothing to carry). */
    @Override
    public Object onSend(Pid target, Object message) {
        Context current = Context.current();
        return current == Context.root() ? null : current;
    }

    @Override
    public Object beforeHandler(Pid actor, String name, String label, HandlerKind kind, Object message,
                                Object carried) {
        Context parent = carried instanceof Context sent ? sent : Context.root();
        var span = tracer.spanBuilder(HeddleTracing.spanName(label, message.getClass()))
                .setParent(parent)
                .setSpanKind(spanKind(kind))
                .setAttribute(HeddleAttributes.SYSTEM, systemName)
                .setAttribute(HeddleAttributes.ACTOR_PID, actor.toString())
                .setAttribute(HeddleAttributes.ACTOR_LABEL, label)
                .setAttribute(HeddleAttributes.MESSAGE_TYPE, message.getClass().getName())
                .setAttribute(HeddleAttributes.HANDLER_KIND, TypeNames.lower(kind));
        if (name != null) span.setAttribute(HeddleAttributes.ACTOR_NAME, name);
        Span started = span.startSpan();
        return new HandlerSpan(started, parent.with(started).makeCurrent());
    }

    @Override
    public void afterHandler(Object token, Throwable failure) {
        if (!(token instanceof HandlerSpan(Span span, var scope))) return;
        try {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure.toString());
            }
        } finally {
            scope.close();
            span.end();
        }
    }

    private static SpanKind spanKind(HandlerKind kind) {
        return switch (kind) {
            case CAST -> SpanKind.CONSUMER;
            case CALL -> SpanKind.SERVER;
            case INIT, TIMER, SIGNAL -> SpanKind.INTERNAL;
        };
    }
}
