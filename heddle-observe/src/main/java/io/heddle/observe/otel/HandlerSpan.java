package io.heddle.observe.otel;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

/** A handler's span and the scope that makes it current, from before the handler to after it, on its thread. */
record HandlerSpan(Span span, Scope scope) {}
