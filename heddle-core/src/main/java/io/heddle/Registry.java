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
 * registry.cast(PAYMENTS, new Refund(42));                 // a dead letter if nobody holds the name
 * String status = registry.call(PAYMENTS, Status::new);    // waits for a live holder, up to the call timeout
 * Optional<ActorRef<PaymentsMsg>> now = registry.whereis(PAYMENTS);
 * }
 *
 * <p>Groups ({@link Group}) are the other half: many actors under one key, for routing and discovery.
 *
 * <p>An actor may hold several names. Supervisors register their children under a name given in the child's spec
 * ({@code ChildSpec.registerAs}), on every restart.
 *
 * <p><b>Restarts.</b> Reach a supervised service by its name: while its supervisor restarts it, a call by name waits
 * for the successor to be registered (Erlang's {@code whereis} retry, done once here rather than in every client), and
 * a request that was still queued in the crashed actor's mailbox is sent on to the successor, as Pekko's restart,
 * which keeps the mailbox, would handle it. A request a handler had already taken is never sent twice: if the actor
 * stopped after that, the call fails with {@link ActorStoppedException#requestHandled()} true. A cast by name is
 * fire and forget: to a name nobody holds it is a {@link DeadLetter.Reason#NOT_REGISTERED} dead letter.
 *
 * <p>Threading: thread-safe; no method blocks except {@code call}, which waits like {@link ActorRef#call}, and also
 * for a registration, all within its timeout. Inside a handler that wait hands the dispatcher worker on, as every
 * Heddle wait does.
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
     * Casts {@code message} to the actor registered under {@code name}; see {@link ActorRef#cast}. If no live actor
     * holds the name, the message goes to the dead letters with {@link DeadLetter.Reason#NOT_REGISTERED} and recipient
     * {@link Pid#NOBODY}, as a cast to a stopped actor does with its own reason: a cast never throws for a missing
     * recipient.
     *
     * @throws NullPointerException if {@code message} is null
     */
    <M> void cast(Name<M> name, M message);

    /**
     * Calls the actor registered under {@code name} with the system's default timeout; see {@link ActorRef#call}.
     * Waits for a live actor to hold the name, and sends a request no handler had on to the successor of an actor
     * that stopped; the timeout covers all of it.
     *
     * @throws NotRegisteredException if no live actor held the name before the timeout
     * @throws ActorStoppedException  if the actor stopped after a handler had the request, before replying
     * @throws CallTimeoutException   if the reply did not come in time
     */
    <M, R> R call(Name<M> name, Function<ReplyTo<R>, ? extends M> request);

    /**
     * Like {@link #call(Name, Function)} with an explicit timeout.
     *
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
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
