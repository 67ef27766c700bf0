package io.heddle.observe.jfr;

import io.heddle.observe.internal.ActorLabels;
import io.heddle.scheduling.BlockedWorker;
import io.heddle.scheduling.HandlerTimedOut;
import io.heddle.scheduling.SchedulingEvent;
import io.heddle.scheduling.Starvation;
import io.heddle.scheduling.WorkersExhausted;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Commits starvation and blocked-worker events, on the watchdog's thread. Thread-safe. */
final class FlightRecorderSchedulingListener implements Consumer<SchedulingEvent> {

    private static final int MAX_FRAMES = 64;

    private final String systemName;
    private final ActorLabels labels;

    FlightRecorderSchedulingListener(String systemName, ActorLabels labels) {
        this.systemName = systemName;
        this.labels = labels;
    }

    @Override
    public void accept(SchedulingEvent event) {
        switch (event) {
            case Starvation starvation -> starvation(starvation);
            case BlockedWorker blocked -> blocked(blocked);
            case HandlerTimedOut timedOut -> { }
            case WorkersExhausted exhausted -> { }
        }
    }

    private void starvation(Starvation starvation) {
        var event = new StarvationEvent();
        if (!event.isEnabled()) return;
        event.system = systemName;
        event.delay = starvation.delay().toNanos();
        event.severity = starvation.severity().name();
        event.commit();
    }

    private void blocked(BlockedWorker blocked) {
        var event = new BlockedWorkerEvent();
        if (!event.isEnabled()) return;
        event.system = systemName;
        event.pid = blocked.actor().toString();
        event.actor = labels.of(blocked.actor());
        event.worker = blocked.worker();
        event.held = blocked.held().toNanos();
        event.threadState = blocked.state().name();
        event.stack = format(blocked.stack());
        event.commit();
    }

    private static String format(List<StackTraceElement> stack) {
        String frames = stack.stream().limit(MAX_FRAMES).map(StackTraceElement::toString)
                .collect(Collectors.joining("\n"));
        return stack.size() > MAX_FRAMES ? frames + "\n... " + (stack.size() - MAX_FRAMES) + " more" : frames;
    }
}
