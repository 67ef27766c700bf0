package io.heddle.observe.testing;

import io.heddle.ExitReason;
import io.heddle.Pid;
import io.heddle.inspect.ActorKind;
import io.heddle.spi.ActorObserver;
import java.time.Duration;

/**
 * An observer that logs lifecycle events. Installed after the adapter under test, it hears of each event after the
 * adapter has handled it, so a test that waits for an event here may then check what the adapter made of it.
 * Thread-safe: the runtime reports on its threads, the test waits on its own.
 */
public final class LifecycleProbe implements ActorObserver {

    /** What happened to an actor. */
    public sealed interface Lifecycle {}

    /** An actor started. */
    public record Started(Pid pid, String label) implements Lifecycle {}

    /** An actor stopped. */
    public record Stopped(Pid pid, ExitReason reason) implements Lifecycle {}

    /** A supervisor restarted a child. */
    public record Restarted(String childId, Pid next, int restarts) implements Lifecycle {}

    private final EventLog<Lifecycle> log = new EventLog<>();

    @Override
    public void actorStarted(Pid pid, String name, String label, ActorKind kind) {
        log.accept(new Started(pid, label));
    }

    @Override
    public void actorStopped(Pid pid, String name, String label, ActorKind kind, ExitReason reason,
                             Duration lifetime) {
        log.accept(new Stopped(pid, reason));
    }

    @Override
    public void actorRestarted(Pid supervisor, String childId, Pid previous, Pid next, ExitReason reason,
                               int restarts) {
        log.accept(new Restarted(childId, next, restarts));
    }

    /** Waits until the observers have heard that {@code pid} started; returns its label. */
    public String awaitStarted(Pid pid) throws InterruptedException {
        return log.await(Started.class, s -> s.pid().equals(pid), "the start of " + pid).label();
    }

    /** Waits until the observers have heard that {@code pid} stopped; returns why. */
    public ExitReason awaitStopped(Pid pid) throws InterruptedException {
        return log.await(Stopped.class, s -> s.pid().equals(pid), "the stop of " + pid).reason();
    }

    /** Waits until the observers have heard that child {@code childId} was restarted for the {@code nth} time. */
    public Restarted awaitRestart(String childId, int nth) throws InterruptedException {
        return log.await(Restarted.class, r -> r.childId().equals(childId) && r.restarts() == nth,
                "restart #" + nth + " of " + childId);
    }
}
