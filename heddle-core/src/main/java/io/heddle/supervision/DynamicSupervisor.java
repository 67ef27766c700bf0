package io.heddle.supervision;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Health;
import io.heddle.SpawnOptions;
import io.heddle.internal.supervision.SupervisorActor;
import io.heddle.internal.supervision.SupervisorRequest;
import java.util.List;
import java.util.Objects;

/**
 * A supervisor whose children are added while it runs and identified by their references: Elixir's
 * {@code DynamicSupervisor}, for sessions, connections and jobs. Children are restarted one for one by their restart
 * type, within the restart intensity, and removed when they exit for good.
 *
 * {@snippet :
 * DynamicSupervisor sessions = DynamicSupervisor.start(system, DynamicSupervisorSpec.defaults().maxChildren(100));
 * ActorRef<SessionMsg> session = sessions.startChild(
 *         ChildSpec.worker("session", () -> new Session(user)).restart(Restart.TRANSIENT));
 * sessions.terminateChild(session);
 * }
 *
 * <p>A restarted child gets a new reference: keep the {@link ChildInfo}s from {@link #children()}, or register the
 * child under a name, rather than holding on to one reference.
 *
 * <p>Threading: thread-safe; each method is a call to the supervisor actor (see {@link Supervisor}).
 */
public final class DynamicSupervisor {

    private final ActorRef<SupervisorCommand> ref;

    private DynamicSupervisor(ActorRef<SupervisorCommand> ref) {
        this.ref = Objects.requireNonNull(ref, "ref");
    }

    /** Returns the behavior of a new dynamic supervisor, to spawn or to nest. Call it once per spawn. */
    public static Behavior<SupervisorCommand> create(DynamicSupervisorSpec spec) {
        return SupervisorActor.of(Objects.requireNonNull(spec, "spec"));
    }

    /** Spawns a top-level dynamic supervisor and waits until it runs. */
    public static DynamicSupervisor start(ActorSystem system, DynamicSupervisorSpec spec, SpawnOptions options) {
        return new DynamicSupervisor(system.start(create(spec), options));
    }

    /** Like {@link #start(ActorSystem, DynamicSupervisorSpec, SpawnOptions)}, with default options. */
    public static DynamicSupervisor start(ActorSystem system, DynamicSupervisorSpec spec) {
        return start(system, spec, SpawnOptions.named("dynamic-supervisor"));
    }

    /** Returns a handle on a running dynamic supervisor. */
    public static DynamicSupervisor of(ActorRef<SupervisorCommand> ref) {
        return new DynamicSupervisor(ref);
    }

    /** Returns the supervisor's reference. */
    public ActorRef<SupervisorCommand> ref() {
        return ref;
    }

    /**
     * Starts a child and returns it once its init has run.
     *
     * @throws ChildStartException if the supervisor is at its maximum of children or the child fails to start
     */
    @SuppressWarnings("unchecked")
    public <M> ActorRef<M> startChild(ChildSpec<M> spec) {
        Objects.requireNonNull(spec, "spec");
        return (ActorRef<M>) Supervisor.unwrap(() -> ref.<ActorRef<?>>call(
                r -> new SupervisorRequest.StartChild(spec, r)));
    }

    /** Stops {@code child} by its shutdown spec and removes it. Returns false if it is not a child (any more). */
    public boolean terminateChild(ActorRef<?> child) {
        Objects.requireNonNull(child, "child");
        return ref.call(r -> new SupervisorRequest.TerminateChild(null, child, r));
    }

    /** Returns the children, oldest first. */
    public List<ChildInfo> children() {
        return ref.call(SupervisorRequest.WhichChildren::new);
    }

    /** Returns the number of children, running or waiting to restart. */
    public int count() {
        return children().size();
    }

    /** Returns the supervisor's health (see {@link Supervisor}). */
    public Health health() {
        return ref.health();
    }

    /** Asks the supervisor to stop: its children stop first, newest first. Returns without waiting. */
    public void stop() {
        ref.stop();
    }

    @Override
    public String toString() {
        return "DynamicSupervisor" + ref;
    }
}
