package io.heddle.observe.micrometer;

import io.heddle.ActorSystemConfig;
import io.heddle.Pid;
import io.heddle.scheduling.HandlerKind;
import io.heddle.spi.SchedulingMetrics;
import io.heddle.scheduling.TimeoutAction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer metrics of an actor system. Install them on the configuration before creating the system:
 *
 * {@snippet :
 * var config = HeddleMetrics.install(ActorSystemConfig.defaults("shop"), registry);
 * try (var system = ActorSystem.create(config)) {
 *     // ...
 * }
 * }
 *
 * <p>That adds the scheduler's numbers ({@link SchedulingMetrics}, which this class implements), an observer of
 * lifecycle events and dead letters, and a listener of scheduling events, each after what the configuration already
 * has. The meters are listed in {@link MeterNames}; every one is tagged with the system's name, so install once per
 * system and give systems that share a registry different names.
 *
 * <p><b>Cost.</b> With metrics installed the runtime reads the clock around every handler and calls this class on the
 * actor's thread: a map lookup by pid and a counter and timer update, lock-free. The observer does not trace messages,
 * so sends cost nothing more. The {@link MeterNames#MAILBOX_SIZE} gauges walk the actor table only when read, at most
 * once per {@link MetricsOptions#snapshotMaxAge()}.
 *
 * <p><b>Threading and failures.</b> Every method is thread-safe and called on runtime threads. A registry that throws
 * on registration (a meter filter that rejects a name, say) makes the call that registers fail: from the lifecycle
 * callbacks the runtime logs and ignores it; from the scheduling callbacks it reaches the handler's thread. Install
 * registries that accept Heddle's names.
 */
public final class HeddleMetrics implements SchedulingMetrics {

    private final SystemMeters meters;
    private final Timer schedulingDelay;

    private HeddleMetrics(SystemMeters meters) {
        this.meters = meters;
        this.schedulingDelay = Timer.builder(MeterNames.SCHEDULING_DELAY).tags(meters.systemTags)
                .publishPercentileHistogram().description("how late the watchdog's probe ran")
                .register(meters.registry);
    }

    /** Returns {@code config} with metrics recorded to {@code registry} with {@link MetricsOptions#defaults()}. */
    public static ActorSystemConfig install(ActorSystemConfig config, MeterRegistry registry) {
        return install(config, registry, MetricsOptions.defaults());
    }

    /**
     * Returns {@code config} with metrics recorded to {@code registry} as {@code options} say. Registers the
     * system-wide meters at once and the per-actor ones as actors start.
     *
     * @throws NullPointerException if an argument is null
     */
    public static ActorSystemConfig install(ActorSystemConfig config, MeterRegistry registry, MetricsOptions options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(options, "options");
        SystemMeters meters = new SystemMeters(registry, config.name(), options);
        return config.addSchedulingMetrics(new HeddleMetrics(meters))
                .observer(new MetricsObserver(meters))
                .addSchedulingListener(new SchedulingEventMeters(meters));
    }

    /** Counts the message and times its handler, under the actor's label. */
    @Override
    public void handlerCompleted(Pid actor, HandlerKind kind, Class<?> messageType, long nanos) {
        meters.of(actor).handled(kind, nanos);
    }

    /** Counts the timeout under the actor's label, the handler kind and the action. */
    @Override
    public void handlerTimedOut(Pid actor, HandlerKind kind, Class<?> messageType, TimeoutAction action) {
        meters.of(actor).timedOut(kind, action);
    }

    /** Records the depth in the actor's {@link MeterNames#TURN_QUEUE_DEPTH} summary. */
    @Override
    public void queueDepth(Pid actor, int depth) {
        meters.of(actor).turnBegan(depth);
    }

    /** Records the delay in {@link MeterNames#SCHEDULING_DELAY}. */
    @Override
    public void schedulingDelay(long nanos) {
        schedulingDelay.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts the yield under the actor's label. */
    @Override
    public void throughputYield(Pid actor) {
        meters.of(actor).yielded();
    }
}
