package io.heddle.observe.jfr;

import io.heddle.ActorSystemConfig;
import io.heddle.observe.internal.ActorLabels;
import java.util.Objects;

/**
 * JDK Flight Recorder events of an actor system. Install them on the configuration before creating the system:
 *
 * {@snippet :
 * var config = HeddleFlightRecorder.install(ActorSystemConfig.defaults("shop"));
 * }
 *
 * <p>The events, all in the category {@code Heddle} and named in {@link EventNames}: {@link ActorSpawnedEvent},
 * {@link ActorStoppedEvent}, {@link ActorRestartedEvent}, {@link MessageHandledEvent} (timed, with a default threshold
 * of 10 ms), {@link DeadLetterEvent}, {@link StarvationEvent} and {@link BlockedWorkerEvent}. None records a stack
 * trace of its own. They are enabled by default, so {@code jcmd <pid> JFR.start} records them; a {@code .jfc} file or
 * {@code RecordingStream.enable(name)} can turn them off or change the threshold.
 *
 * <p><b>Cost.</b> With no recording running, each callback allocates an event and finds it disabled. The observer
 * traces messages, so the runtime calls it on every send (which does nothing) and around every handler (which, while
 * a recording runs, reads the clock twice and commits only handlers past the threshold).
 *
 * <p><b>Threading and failures.</b> Thread-safe; events are committed on the thread the runtime reports on. Never
 * throws from a callback.
 */
public final class HeddleFlightRecorder {

    private HeddleFlightRecorder() {}

    /**
     * Returns {@code config} with Heddle's flight recorder events committed: an observer added after the ones it has,
     * and a scheduling listener after its listener.
     *
     * @throws NullPointerException if {@code config} is null
     */
    public static ActorSystemConfig install(ActorSystemConfig config) {
        Objects.requireNonNull(config, "config");
        ActorLabels labels = new ActorLabels();
        return config.observer(new FlightRecorderObserver(config.name(), labels))
                .addSchedulingListener(new FlightRecorderSchedulingListener(config.name(), labels));
    }
}
