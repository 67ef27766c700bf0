package io.heddle.observe.micrometer;

/**
 * The tag keys of the meters {@link HeddleMetrics} registers; {@link MeterNames} says which meter has which. Thread-safe:
 * constants only, nothing that can fail.
 *
 * <p>Tag values stay few: {@link #ACTOR} is a name or a class, {@link #KIND}, {@link #REASON}, {@link #ACTION},
 * {@link #SEVERITY} and {@link #STATE} take a handful of lower-case values each. Only {@link #PID}, off by default,
 * grows with the number of actors; so does {@link #ACTOR} if actors are named per instance ({@code "session-" + id})
 * rather than per role.
 */
public final class MeterTags {

    private MeterTags() {}

    /** The actor system's name; on every meter. */
    public static final String SYSTEM = "system";

    /** The actor's label: its name if it has one, else the class of its behavior. */
    public static final String ACTOR = "actor";

    /** The actor's pid, for example {@code <0.42.0>}; only with {@link MetricsOptions#pidTags()}. */
    public static final String PID = "pid";

    /** The handler kind, or for actors the actor kind, in lower case. */
    public static final String KIND = "kind";

    /** Why a message was not delivered, or why an actor stopped, in lower case. */
    public static final String REASON = "reason";

    /** What the runtime did about a handler past its timeout, in lower case. */
    public static final String ACTION = "action";

    /** The label of the supervisor that restarted a child. */
    public static final String SUPERVISOR = "supervisor";

    /** The id of the restarted child's spec. */
    public static final String CHILD = "child";

    /** How bad a starvation was, in lower case. */
    public static final String SEVERITY = "severity";

    /** The state of a blocked worker's thread, in lower case. */
    public static final String STATE = "state";
}
