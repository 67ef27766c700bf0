package io.heddle.observe.micrometer;

import io.heddle.ActorSystem;
import io.heddle.DeadLetter;
import io.heddle.ExitReason;
import io.heddle.Pid;
import io.heddle.inspect.ActorKind;
import io.heddle.spi.ActorObserver;
import io.heddle.observe.internal.ExitReasons;
import io.heddle.observe.internal.TypeNames;
import io.micrometer.core.instrument.Counter;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Counts lifecycle events and dead letters, and tracks which pid has which label. Does not trace messages, so it adds
 * nothing to a send. Thread-safe.
 */
final class MetricsObserver implements ActorObserver {

    private static final System.Logger LOG = System.getLogger(MetricsObserver.class.getName());

    private final SystemMeters meters;
    private volatile AutoCloseable deadLetters;

    MetricsObserver(SystemMeters meters) {
        this.meters = meters;
    }

    @Override
    public void systemStarted(ActorSystem system) {
        meters.mailboxes.attach(system);
        deadLetters = system.deadLetters().subscribe(this::deadLetter);
    }

    @Override
    public void systemStopped(ActorSystem system) {
        meters.mailboxes.detach();
        AutoCloseable subscription = deadLetters;
        if (subscription == null) return;
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not unsubscribe the metrics from the dead letters of " + system.name()
                    + "; they stop counting anyway once the system has stopped", e);
        }
    }

    @Override
    public void actorStarted(Pid pid, String name, String label, ActorKind kind) {
        meters.started(pid, label, kind);
        counter(MeterNames.ACTORS_STARTED, "actors started", MeterTags.KIND, TypeNames.lower(kind)).increment();
    }

    @Override
    public void actorStopped(Pid pid, String name, String label, ActorKind kind, ExitReason reason,
                             Duration lifetime) {
        meters.stopped(pid);
        counter(MeterNames.ACTORS_STOPPED, "actors stopped", MeterTags.KIND, TypeNames.lower(kind),
                MeterTags.REASON, ExitReasons.kind(reason)).increment();
    }

    @Override
    public void actorRestarted(Pid supervisor, String childId, Pid previous, Pid next, ExitReason reason,
                               int restarts) {
        counter(MeterNames.ACTOR_RESTARTS, "children restarted by a supervisor",
                MeterTags.SUPERVISOR, meters.label(supervisor, null), MeterTags.CHILD, childId).increment();
    }

    private void deadLetter(DeadLetter letter) {
        String reason = TypeNames.lower(letter.reason());
        counter(MeterNames.DEAD_LETTERS, "messages not delivered", MeterTags.REASON, reason).increment();
        switch (letter.reason()) {
            case DROPPED, EVICTED, MAILBOX_FULL -> counter(MeterNames.MESSAGES_DROPPED,
                    "messages dropped by a full mailbox", MeterTags.ACTOR,
                    meters.label(letter.recipient(), letter.recipientName()), MeterTags.REASON, reason).increment();
            default -> { }
        }
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).tags(meters.systemTags).tags(tags).description(description)
                .register(meters.registry);
    }
}
