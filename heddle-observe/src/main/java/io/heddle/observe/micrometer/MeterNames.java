package io.heddle.observe.micrometer;

/**
 * The names of the meters {@link HeddleMetrics} registers, dotted in Micrometer's style (a Prometheus registry turns
 * {@code heddle.messages.processed} into {@code heddle_messages_processed_total}). Every meter has the tag
 * {@link MeterTags#SYSTEM}; the others are listed with each name. {@link MeterTags#ACTOR} is the actor's label: its
 * name if it has one, else the class of its behavior; {@code unknown} for Heddle's internal actors (the watchdog's
 * probe).
 * With {@link MetricsOptions#pidTags()} the per-actor meters (marked <i>per actor</i>) also have {@link MeterTags#PID}.
 *
 * <p>Thread-safe: constants only. A registry whose meter filters deny or rename a meter changes what is published, not
 * what Heddle records; one that throws on registration fails the callback that registers (see {@link HeddleMetrics}).
 */
public final class MeterNames {

    private MeterNames() {}

    /** Gauge, per actor: messages waiting in the mailboxes of the live actors with this label, from inspection. */
    public static final String MAILBOX_SIZE = "heddle.mailbox.size";

    /** Counter, per actor: messages handled (cast, call, timer, signal), whether the handler returned or threw. */
    public static final String MESSAGES_PROCESSED = "heddle.messages.processed";

    /**
     * Timer, per actor, tagged {@link MeterTags#KIND} ({@code call}, {@code cast}, {@code timer}, {@code signal}): how
     * long handlers ran, with a percentile histogram and the 0.5, 0.95 and 0.99 percentiles.
     */
    public static final String HANDLER_DURATION = "heddle.handler.duration";

    /**
     * Counter, per actor, tagged {@link MeterTags#KIND} and {@link MeterTags#ACTION} ({@code warn}, {@code cancel},
     * {@code stop}): handlers that overran their handler timeout.
     */
    public static final String HANDLER_TIMEOUTS = "heddle.handler.timeouts";

    /** Distribution summary, per actor: messages queued when each of the actor's turns began. */
    public static final String TURN_QUEUE_DEPTH = "heddle.turn.queue.depth";

    /** Counter, per actor: turns that ended with messages still queued because the throughput was used up. */
    public static final String THROUGHPUT_YIELDS = "heddle.throughput.yields";

    /**
     * Counter, tagged {@link MeterTags#REASON} (the {@link io.heddle.DeadLetter.Reason} in lower case, for example
     * {@code recipient_stopped}): messages that were not delivered.
     */
    public static final String DEAD_LETTERS = "heddle.dead.letters";

    /**
     * Counter, tagged {@link MeterTags#ACTOR} (the recipient) and {@link MeterTags#REASON} ({@code dropped},
     * {@code evicted} or {@code mailbox_full}): the dead letters that a full mailbox caused.
     */
    public static final String MESSAGES_DROPPED = "heddle.messages.dropped";

    /**
     * Counter, tagged {@link MeterTags#SUPERVISOR} (the supervisor's label) and {@link MeterTags#CHILD} (the child
     * spec's id): children restarted by a supervisor.
     */
    public static final String ACTOR_RESTARTS = "heddle.actor.restarts";

    /** Counter, tagged {@link MeterTags#KIND} ({@code actor}, {@code supervisor}, {@code task}): actors started. */
    public static final String ACTORS_STARTED = "heddle.actors.started";

    /**
     * Counter, tagged {@link MeterTags#KIND} and {@link MeterTags#REASON} ({@code normal}, {@code shutdown},
     * {@code killed}, {@code error}, {@code linked}, {@code noproc}): actors stopped.
     */
    public static final String ACTORS_STOPPED = "heddle.actors.stopped";

    /** Gauge, tagged {@link MeterTags#KIND}: actors started and not yet stopped. */
    public static final String ACTORS_LIVE = "heddle.actors.live";

    /** Timer: how long the watchdog's probe waited to be handled, the scheduling delay of ready work. */
    public static final String SCHEDULING_DELAY = "heddle.scheduling.delay";

    /** Counter, tagged {@link MeterTags#SEVERITY} ({@code warning}, {@code critical}): starvation events. */
    public static final String STARVATION = "heddle.scheduling.starvation";

    /**
     * Counter, tagged {@link MeterTags#ACTOR} (whose turn held the worker) and {@link MeterTags#STATE} (the worker
     * thread's state in lower case, for example {@code runnable} or {@code waiting}): blocked-worker events.
     */
    public static final String BLOCKED_WORKERS = "heddle.scheduling.blocked.workers";

    /** Counter: times every worker the dispatcher may add for blocked handlers was in use (WorkersExhausted events). */
    public static final String WORKERS_EXHAUSTED = "heddle.scheduling.workers.exhausted";
}
