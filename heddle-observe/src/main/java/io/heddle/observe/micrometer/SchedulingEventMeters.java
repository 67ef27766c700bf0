package io.heddle.observe.micrometer;

import io.heddle.observe.internal.TypeNames;
import io.heddle.scheduling.BlockedWorker;
import io.heddle.scheduling.HandlerTimedOut;
import io.heddle.scheduling.SchedulingEvent;
import io.heddle.scheduling.Starvation;
import io.heddle.scheduling.WorkersExhausted;
import io.micrometer.core.instrument.Counter;
import java.util.function.Consumer;

/**
 * Counts starvation and blocked-worker events; a listener added after the system's others. Timed-out handlers are
 * counted by {@link HeddleMetrics#handlerTimedOut}, not here. Thread-safe.
 */
final class SchedulingEventMeters implements Consumer<SchedulingEvent> {

    private final SystemMeters meters;

    SchedulingEventMeters(SystemMeters meters) {
        this.meters = meters;
    }

    @Override
    public void accept(SchedulingEvent event) {
        switch (event) {
            case Starvation starvation -> counter(MeterNames.STARVATION, "starvation events",
                    MeterTags.SEVERITY, TypeNames.lower(starvation.severity())).increment();
            case BlockedWorker blocked -> counter(MeterNames.BLOCKED_WORKERS, "blocked-worker events",
                    MeterTags.ACTOR, meters.label(blocked.actor(), null),
                    MeterTags.STATE, TypeNames.lower(blocked.state())).increment();
            case WorkersExhausted exhausted -> counter(MeterNames.WORKERS_EXHAUSTED,
                    "times every compensating worker was in use").increment();
            case HandlerTimedOut timedOut -> { }
        }
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).tags(meters.systemTags).tags(tags).description(description)
                .register(meters.registry);
    }
}
