package io.heddle.observe.jfr;

import io.heddle.ActorSystem;
import io.heddle.DeadLetter;
import io.heddle.ExitReason;
import io.heddle.Pid;
import io.heddle.inspect.ActorKind;
import io.heddle.spi.ActorObserver;
import io.heddle.observe.internal.ActorLabels;
import io.heddle.observe.internal.ExitReasons;
import io.heddle.observe.internal.TypeNames;
import io.heddle.scheduling.HandlerKind;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Commits lifecycle, message and dead-letter events. Each event object is filled in only when a recording has it
 * enabled, and a {@link MessageHandledEvent} only when it passed its threshold. Thread-safe.
 */
final class FlightRecorderObserver implements ActorObserver {

    private static final System.Logger LOG = System.getLogger(FlightRecorderObserver.class.getName());

    private final String systemName;
    private final ActorLabels labels;
    private volatile AutoCloseable deadLetters;

    FlightRecorderObserver(String systemName, ActorLabels labels) {
        this.systemName = systemName;
        this.labels = labels;
    }

    @Override
    public void systemStarted(ActorSystem system) {
        deadLetters = system.deadLetters().subscribe(this::deadLetter);
    }

    @Override
    public void systemStopped(ActorSystem system) {
        AutoCloseable subscription = deadLetters;
        if (subscription == null) return;
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not unsubscribe the flight recorder from the dead letters of "
                    + system.name() + "; no more arrive once the system has stopped", e);
        }
    }

    @Override
    public void actorStarted(Pid pid, String name, String label, ActorKind kind) {
        labels.started(pid, label);
        var event = new ActorSpawnedEvent();
        if (!event.isEnabled()) return;
        event.system = systemName;
        event.pid = pid.toString();
        event.name = name;
        event.label = label;
        event.kind = TypeNames.lower(kind);
        event.commit();
    }

    @Override
    public void actorStopped(Pid pid, String name, String label, ActorKind kind, ExitReason reason,
                             Duration lifetime) {
        labels.stopped(pid);
        var event = new ActorStoppedEvent();
        if (!event.isEnabled()) return;
        event.system = systemName;
        event.pid = pid.toString();
        event.name = name;
        event.label = label;
        event.kind = TypeNames.lower(kind);
        event.reason = ExitReasons.kind(reason);
        event.detail = reason.toString();
        event.lifetime = lifetime.toMillis();
        event.commit();
    }

    @Override
    public void actorRestarted(Pid supervisor, String childId, Pid previous, Pid next, ExitReason reason,
                               int restarts) {
        var event = new ActorRestartedEvent();
        if (!event.isEnabled()) return;
        event.system = systemName;
        event.supervisor = supervisor.toString();
        event.supervisorLabel = labels.of(supervisor);
        event.childId = childId;
        event.previousPid = previous.toString();
        event.nextPid = next.toString();
        event.reason = ExitReasons.kind(reason);
        event.detail = reason.toString();
        event.restarts = restarts;
        event.commit();
    }

    @Override
    public boolean tracesMessages() {
        return true;
    }

    @Override
    public Object beforeHandler(Pid actor, String name, String label, HandlerKind kind, Object message,
                                Object carried) {
        var event = new MessageHandledEvent();
        if (!event.isEnabled()) return null;
        event.actorPid = actor;
        event.actor = label;
        event.messageType = message.getClass();
        event.handlerKind = TypeNames.lower(kind);
        event.begin();
        return event;
    }

    @Override
    public void afterHandler(Object token, Throwable failure) {
        if (!(token instanceof MessageHandledEvent event)) return;
        event.end();
        if (!event.shouldCommit()) return;
        event.system = systemName;
        event.pid = event.actorPid.toString();
        if (failure != null) event.failure = failure.getClass().getName();
        event.commit();
    }

    private void deadLetter(DeadLetter letter) {
        var event = new DeadLetterEvent();
        if (!event.isEnabled()) return;
        event.system = systemName;
        event.recipient = letter.recipient().toString();
        event.recipientName = letter.recipientName();
        event.messageType = letter.message().getClass();
        event.reason = letter.reason().name();
        event.commit();
    }
}
