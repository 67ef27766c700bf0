package io.heddle;

import io.heddle.internal.table.RegistryImpl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Names for actors, per {@link ActorSystem}: register an actor under a unique {@link Name}, look it up, send to the
 * name. A name is released when its actor stops, before the actor's links and monitors hear of it, so a supervisor
 * that restarts the actor can register the new one under the same name at once.
 *
 * {@snippet :
 * static final Name<PaymentsMsg> PAYMENTS = Name.of("payments");
 *
 * Registry registry = system.registry();
 * registry.register(PAYMENTS, system.spawn(payments()));
 * registry.cast(PAYMENTS, new Refund(42));                 // NotRegisteredException if nobody holds the name
 * Optional<ActorRef<PaymentsMsg>> now = registry.whereis(PAYMENTS);
 * }
 *
 * <p>Groups ({@link Group}) are the other half: many actors under one key, for routing and discovery.
 *
 * <p>An actor may hold several names. Supervisors register their children under a name given in the child's spec
 * ({@code ChildSpec.registerAs}), on every restart.
 *
 * <p>Threading: thread-safe; no method blocks except {@code call}, which waits like {@link ActorRef#call}.
 */
public sealed interface Registry permits RegistryImpl {

    /**
     * Registers {@code ref} under {@code name}.
     *
     * @throws NameTakenException       if another live actor holds the name
     * @throws IllegalArgumentException if {@code ref} has stopped
     */
    <M> void register(Name<M> name, ActorRef<M> ref);

    /**
     * Releases {@code name}. Returns true if it was registered.
     */
    boolean unregister(Name<?> name);

    /** Returns the live actor registered under {@code name}, if any. */
    <M> Optional<ActorRef<M>> whereis(Name<M> name);

    /**
     * Casts {@code message} to the actor registered under {@code name}; see {@link ActorRef#cast}.
     *
     * @throws NotRegisteredException if no live actor holds the name
     */
    <M> void cast(Name<M> name, M message);

    /**
     * Calls the actor registered under {@code name} with the system's default timeout; see {@link ActorRef#call}.
     *
     * @throws NotRegisteredException if no live actor holds the name
     */
    <M, R> R call(Name<M> name, Function<ReplyTo<R>, ? extends M> request);

    /** Like {@link #call(Name, Function)} with an explicit timeout. */
    <M, R> R call(Name<M> name, Function<ReplyTo<R>, ? extends M> request, Duration timeout);

    /** Returns a snapshot of the registered names and the pids holding them, sorted by name. */
    Map<String, Pid> names();

    /**
     * Adds {@code ref} to {@code group}; joining twice is the same as once. A member leaves when it stops, before its
     * links and monitors hear of it.
     *
     * @throws IllegalArgumentException if {@code ref} has stopped
     */
    <M> void join(Group<M> group, ActorRef<M> ref);

    /** Removes {@code ref} from {@code group}. Returns true if it was a member. */
    <M> boolean leave(Group<M> group, ActorRef<M> ref);

    /** Returns the live members of {@code group}, in the order they joined; empty if none. Lock-free. */
    <M> List<ActorRef<M>> members(Group<M> group);

    /** Returns a snapshot of the groups with members and their members' pids, sorted by group key. */
    Map<String, List<Pid>> groups();
}
