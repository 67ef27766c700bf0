package io.heddle.observe.testing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/**
 * A span processor that logs every span as it ends, so a test can wait for the spans it expects instead of sleeping.
 * Registered after the processor that exports to an {@code InMemorySpanExporter}, it hears of a span after the exporter
 * has it. Thread-safe: spans end on actors' threads, the test waits on its own.
 */
public final class SpanLog implements SpanProcessor {

    private final EventLog<SpanData> ended = new EventLog<>();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.accept(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    /** Waits until a span named {@code name} has ended, and returns it; fails after 10 s. */
    public SpanData awaitEnded(String name) throws InterruptedException {
        return ended.await(SpanData.class, span -> span.getName().equals(name), "the span " + name);
    }

    /** Waits until {@code count} spans have ended in all, and returns them in the order they ended; fails after 10 s. */
    public List<SpanData> awaitEnded(int count) throws InterruptedException {
        return ended.awaitCount(count, count + " ended spans");
    }
}
