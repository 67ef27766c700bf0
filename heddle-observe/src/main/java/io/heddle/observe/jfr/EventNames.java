package io.heddle.observe.jfr;

/**
 * The names of Heddle's flight recorder events, for {@code RecordingStream.enable(name)}, a {@code .jfc} settings file
 * or {@code jfr print --events}. All are in the category {@code Heddle}. Thread-safe: constants only, nothing that can
 * fail.
 */
public final class EventNames {

    private EventNames() {}

    /** {@link ActorSpawnedEvent}: an actor, supervisor or task started. */
    public static final String ACTOR_SPAWNED = "io.heddle.ActorSpawned";

    /** {@link ActorStoppedEvent}: an actor stopped, with why. */
    public static final String ACTOR_STOPPED = "io.heddle.ActorStopped";

    /** {@link ActorRestartedEvent}: a supervisor restarted a child. */
    public static final String ACTOR_RESTARTED = "io.heddle.ActorRestarted";

    /** {@link MessageHandledEvent}: a handler ran; timed, recorded from 10 ms by default. */
    public static final String MESSAGE_HANDLED = "io.heddle.MessageHandled";

    /** {@link DeadLetterEvent}: a message was not delivered, with why. */
    public static final String DEAD_LETTER = "io.heddle.DeadLetter";

    /** {@link StarvationEvent}: ready work waited too long to run. */
    public static final String STARVATION = "io.heddle.Starvation";

    /** {@link BlockedWorkerEvent}: a dispatcher worker was held by one turn past the watchdog's threshold. */
    public static final String BLOCKED_WORKER = "io.heddle.BlockedWorker";
}
