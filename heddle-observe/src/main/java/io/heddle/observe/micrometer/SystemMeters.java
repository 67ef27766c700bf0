package io.heddle.observe.micrometer;

import io.heddle.Pid;
import io.heddle.inspect.ActorKind;
import io.heddle.observe.internal.ActorLabels;
import io.heddle.observe.internal.TypeNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of one actor system: the system tag, the per-actor meters of every live actor by pid, the live-actor
 * gauges and the mailbox snapshot. Thread-safe and lock-free on the paths a handler takes.
 */
final class SystemMeters {

    private record Live(ActorMeters meters, ActorKind kind) {}

    final MeterRegistry registry;
    final Tags systemTags;
    final MailboxSnapshot mailboxes;
    private final boolean pidTags;
    private final ConcurrentHashMap<Pid, Live> live = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ActorMeters> byLabel = new ConcurrentHashMap<>();
    private final Map<ActorKind, AtomicInteger> liveCounts = new EnumMap<>(ActorKind.class);
    private final ActorMeters unknown;

    SystemMeters(MeterRegistry registry, String systemName, MetricsOptions options) {
        this.registry = registry;
        this.systemTags = Tags.of(MeterTags.SYSTEM, systemName);
        this.pidTags = options.pidTags();
        this.mailboxes = new MailboxSnapshot(registry.config().clock(), options.snapshotMaxAge(), pidTags);
        for (ActorKind kind : ActorKind.values()) {
            AtomicInteger count = new AtomicInteger();
            liveCounts.put(kind, count);
            Gauge.builder(MeterNames.ACTORS_LIVE, count::get).tags(systemTags)
                    .tag(MeterTags.KIND, TypeNames.lower(kind))
                    .description("actors started and not yet stopped").register(registry);
        }
        this.unknown = labelled(ActorLabels.UNKNOWN);
    }

    /** {@code pid} started: from now on its reports go to the meters of {@code label}. */
    void started(Pid pid, String label, ActorKind kind) {
        ActorMeters meters = pidTags ? ownMeters(pid, label) : labelled(label);
        if (live.put(pid, new Live(meters, kind)) == null) liveCounts.get(kind).incrementAndGet();
    }

    /** {@code pid} stopped: forgets it, and with pid tags removes its meters. */
    void stopped(Pid pid) {
        Live gone = live.remove(pid);
        if (gone == null) return; // stopped without having started: its init failed
        liveCounts.get(gone.kind()).decrementAndGet();
        if (pidTags) gone.meters().remove();
    }

    /** Returns the meters of {@code pid}, or those labelled {@code unknown} for a pid not (or no longer) live. */
    ActorMeters of(Pid pid) {
        Live entry = live.get(pid);
        return entry == null ? unknown : entry.meters();
    }

    /** Returns the label of {@code pid}, {@code fallback} if it is not live, or {@code unknown} if that is null. */
    String label(Pid pid, String fallback) {
        Live entry = live.get(pid);
        if (entry != null) return entry.meters().label();
        return fallback == null ? ActorLabels.UNKNOWN : fallback;
    }

    private ActorMeters labelled(String label) {
        return byLabel.computeIfAbsent(label, l -> new ActorMeters(registry, l, systemTags.and(MeterTags.ACTOR, l),
                () -> mailboxes.byLabel(l)));
    }

    private ActorMeters ownMeters(Pid pid, String label) {
        return new ActorMeters(registry, label, systemTags.and(MeterTags.ACTOR, label, MeterTags.PID, pid.toString()),
                () -> mailboxes.byPid(pid));
    }
}
