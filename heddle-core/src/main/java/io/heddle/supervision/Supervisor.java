package io.heddle.supervision;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.CallFailedException;
import io.heddle.Health;
import io.heddle.SpawnOptions;
import io.heddle.internal.supervision.SupervisorActor;
import io.heddle.internal.supervision.SupervisorRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A supervisor: an actor that starts children from their {@link ChildSpec}s, restarts them by its {@link Strategy}
 * when they exit, and gives up when they fail too often, so that its own supervisor decides: OTP's supervisor.
 *
 * {@snippet :
 * Supervisor root = Supervisor.start(system, SupervisorSpec.oneForOne()
 *         .child(ChildSpec.worker("inventory", Inventory::new).registerAs(INVENTORY))
 *         .child(ChildSpec.supervisor("payments", SupervisorSpec.restForOne()
 *                 .child(ChildSpec.worker("gateway", PaymentGateway::new).registerAs(GATEWAY))
 *                 .child(ChildSpec.worker("ledger", Ledger::new)))));
 * }
 *
 * <table>
 *   <caption>What happens when a child exits</caption>
 *   <tr><th>child's restart type</th><th>exit normal or shutdown</th><th>exit abnormal (error, killed, linked)</th></tr>
 *   <tr><td>{@link Restart#PERMANENT}</td><td>restarted</td><td>restarted</td></tr>
 *   <tr><td>{@link Restart#TRANSIENT}</td><td>stays stopped</td><td>restarted</td></tr>
 *   <tr><td>{@link Restart#TEMPORARY}</td><td>removed</td><td>removed</td></tr>
 * </table>
 * "Restarted" means: by the strategy (that child, all children, or it and those started after it), after the child's
 * backoff if it has one, counting one restart toward the intensity; past the intensity the supervisor stops every
 * child, newest first, and exits with {@link RestartIntensityExceededException} as its error.
 *
 * <p><b>Starting.</b> {@link #start} returns once every child has finished its init, in order; if one fails, the
 * children started so far are stopped and {@code start} throws {@link io.heddle.ActorStartException}. A child's init
 * has the system's call timeout to finish (child supervisors have no limit).
 *
 * <p><b>Stopping.</b> Stopping the supervisor stops its children first, newest first, each by its {@link Shutdown}.
 *
 * <p><b>Health.</b> {@code ref().health()} is healthy while enough children are healthy (all, or
 * {@link SupervisorSpec#minHealthy}), unhealthy when none is, degraded in between.
 *
 * <p>Threading: the methods of this handle are thread-safe. Each one is a call to the supervisor actor, so it waits
 * for the supervisor (only the calling actor waits, if it is called from a handler) and fails with the call's
 * exceptions if the supervisor has stopped.
 */
public final class Supervisor {

    private final ActorRef<SupervisorCommand> ref;

    private Supervisor(ActorRef<SupervisorCommand> ref) {
        this.ref = Objects.requireNonNull(ref, "ref");
    }

    /**
     * Returns the behavior of a new supervisor for {@code spec}, to spawn, or to nest with
     * {@link ChildSpec#supervisor(String, SupervisorSpec)}. Call it once per spawn.
     */
    public static Behavior<SupervisorCommand> create(SupervisorSpec spec) {
        return SupervisorActor.of(Objects.requireNonNull(spec, "spec"));
    }

    /**
     * Spawns a top-level supervisor and waits until all its children have started.
     *
     * @throws io.heddle.ActorStartException if a child failed to start
     */
    public static Supervisor start(ActorSystem system, SupervisorSpec spec, SpawnOptions options) {
        return new Supervisor(system.start(create(spec), options));
    }

    /** Like {@link #start(ActorSystem, SupervisorSpec, SpawnOptions)}, with default options. */
    public static Supervisor start(ActorSystem system, SupervisorSpec spec) {
        return start(system, spec, SpawnOptions.named("supervisor"));
    }

    /** Returns a handle on a running supervisor, for example a child supervisor found through its parent. */
    public static Supervisor of(ActorRef<SupervisorCommand> ref) {
        return new Supervisor(ref);
    }

    /** Returns the supervisor's reference. */
    public ActorRef<SupervisorCommand> ref() {
        return ref;
    }

    /** Returns the children, in start order. */
    public List<ChildInfo> children() {
        return ref.call(SupervisorRequest.WhichChildren::new);
    }

    /** Returns the running incarnation of the child {@code id}, if it is running. */
    public Optional<ActorRef<?>> child(String id) {
        Objects.requireNonNull(id, "id");
        return children().stream().filter(c -> c.id().equals(id)).findFirst().flatMap(ChildInfo::running);
    }

    /** Returns the running incarnation of the child started from {@code spec}, typed by it. */
    @SuppressWarnings("unchecked")
    public <M> Optional<ActorRef<M>> child(ChildSpec<M> spec) {
        return child(spec.id()).map(r -> (ActorRef<M>) r);
    }

    /** Returns the supervisor's health (see the type's documentation). */
    public Health health() {
        return ref.health();
    }

    /**
     * Adds a child after the others and starts it; OTP's start_child.
     *
     * @throws ChildStartException if the id is taken or the child fails to start (it is then not added)
     */
    @SuppressWarnings("unchecked")
    public <M> ActorRef<M> startChild(ChildSpec<M> spec) {
        Objects.requireNonNull(spec, "spec");
        return (ActorRef<M>) unwrap(() -> ref.<ActorRef<?>>call(r -> new SupervisorRequest.StartChild(spec, r)));
    }

    /**
     * Stops the child {@code id} by its shutdown spec and keeps its spec, so it can be restarted with
     * {@link #restartChild}; a temporary child is removed instead. Returns false if there is no such child.
     */
    public boolean terminateChild(String id) {
        Objects.requireNonNull(id, "id");
        return ref.call(r -> new SupervisorRequest.TerminateChild(id, null, r));
    }

    /**
     * Starts a stopped child again.
     *
     * @throws IllegalStateException if the child is running or restarting
     * @throws IllegalArgumentException if there is no such child
     * @throws ChildStartException if it fails to start
     */
    public ActorRef<?> restartChild(String id) {
        Objects.requireNonNull(id, "id");
        return unwrap(() -> ref.<ActorRef<?>>call(r -> new SupervisorRequest.RestartChild(id, r)));
    }

    /**
     * Forgets a stopped child. Returns false if there is no such child.
     *
     * @throws IllegalStateException if the child is running or restarting: terminate it first
     */
    public boolean deleteChild(String id) {
        Objects.requireNonNull(id, "id");
        return unwrap(() -> ref.<Boolean>call(r -> new SupervisorRequest.DeleteChild(id, r)));
    }

    /** Asks the supervisor to stop: its children stop first, newest first. Returns without waiting. */
    public void stop() {
        ref.stop();
    }

    @Override
    public String toString() {
        return "Supervisor" + ref;
    }

    interface Call<T> {
        T call();
    }

    /** Rethrows the supervisor's own refusal (a failed start, a bad id) rather than the call failure wrapping it. */
    static <T> T unwrap(Call<T> call) {
        try {
            return call.call();
        } catch (CallFailedException e) {
            switch (e.getCause()) {
                case ChildStartException s -> throw new ChildStartException(s.childId(), s.getMessage(), s);
                case IllegalStateException s -> throw new IllegalStateException(s.getMessage(), s);
                case IllegalArgumentException s -> throw new IllegalArgumentException(s.getMessage(), s);
                case null, default -> throw e;
            }
        }
    }
}
