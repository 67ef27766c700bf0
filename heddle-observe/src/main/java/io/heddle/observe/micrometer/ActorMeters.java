package io.heddle.observe.micrometer;

import io.heddle.observe.internal.TypeNames;
import io.heddle.scheduling.HandlerKind;
import io.heddle.scheduling.TimeoutAction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The per-actor meters of one label (or, with pid tags, of one actor), looked up once so that the hot path records
 * without building meter ids. Thread-safe: meters created on first use are registered idempotently, so two threads
 * racing to create one get the same meter.
 */
final class ActorMeters {

    private record Timeout(HandlerKind kind, TimeoutAction action) {}

    private final MeterRegistry registry;
    private final String label;
    private final Tags tags;
    private final Queue<Meter> owned = new ConcurrentLinkedQueue<>();
    private final Counter processed;
    private final Counter yields;
    private final DistributionSummary queueDepth;
    private final AtomicReferenceArray<Timer> durations = new AtomicReferenceArray<>(HandlerKind.values().length);
    private final ConcurrentHashMap<Timeout, Counter> timeouts = new ConcurrentHashMap<>();

    /**
     * Registers the meters of {@code label}; {@code tags} are the system's and the actor's, and {@code mailboxSize}
     * reads the mailbox gauge.
     */
    ActorMeters(MeterRegistry registry, String label, Tags tags, Supplier<Number> mailboxSize) {
        this.registry = registry;
        this.label = label;
        this.tags = tags;
        this.processed = own(Counter.builder(MeterNames.MESSAGES_PROCESSED).tags(tags)
                .description("messages handled").register(registry));
        this.yields = own(Counter.builder(MeterNames.THROUGHPUT_YIELDS).tags(tags)
                .description("turns ended by the throughput with messages still queued").register(registry));
        this.queueDepth = own(DistributionSummary.builder(MeterNames.TURN_QUEUE_DEPTH).tags(tags)
                .baseUnit("messages").description("messages queued when a turn began").register(registry));
        own(Gauge.builder(MeterNames.MAILBOX_SIZE, mailboxSize).tags(tags).baseUnit("messages")
                .description("messages waiting in mailboxes").register(registry));
    }

    /** The label these meters are tagged with. */
    String label() {
        return label;
    }

    /** A handler of {@code kind} ran for {@code nanos}. */
    void handled(HandlerKind kind, long nanos) {
        processed.increment();
        duration(kind).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A handler of {@code kind} overran its timeout and {@code action} was taken. */
    void timedOut(HandlerKind kind, TimeoutAction action) {
        timeouts.computeIfAbsent(new Timeout(kind, action), t -> own(Counter.builder(MeterNames.HANDLER_TIMEOUTS)
                .tags(tags).tag(MeterTags.KIND, TypeNames.lower(t.kind()))
                .tag(MeterTags.ACTION, TypeNames.lower(t.action()))
                .description("handlers that overran their timeout").register(registry))).increment();
    }

    /** A turn began with {@code depth} messages queued. */
    void turnBegan(int depth) {
        queueDepth.record(depth);
    }

    /** A turn ended early because the throughput was used up. */
    void yielded() {
        yields.increment();
    }

    /** Removes every meter these meters registered: for an actor's own meters, once it has stopped. */
    void remove() {
        Meter meter;
        while ((meter = owned.poll()) != null) registry.remove(meter);
    }

    private Timer duration(HandlerKind kind) {
        Timer timer = durations.get(kind.ordinal());
        if (timer == null) {
            timer = own(Timer.builder(MeterNames.HANDLER_DURATION).tags(tags).tag(MeterTags.KIND, TypeNames.lower(kind))
                    .publishPercentileHistogram().publishPercentiles(0.5, 0.95, 0.99)
                    .description("how long handlers ran").register(registry));
            durations.set(kind.ordinal(), timer);
        }
        return timer;
    }

    private <M extends Meter> M own(M meter) {
        owned.add(meter);
        return meter;
    }
}
