package io.heddle.supervision;

import io.heddle.Behavior;
import io.heddle.Name;
import io.heddle.SpawnOptions;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a supervisor starts, restarts and stops one child: OTP's child specification. Start from
 * {@link #worker(String, Supplier)} or {@link #supervisor(String, SupervisorSpec)} and adjust with the
 * {@code with}-style methods, each of which returns a new spec:
 *
 * {@snippet :
 * static final Name<ChargeMsg> GATEWAY = Name.of("gateway");
 *
 * ChildSpec<ChargeMsg> gateway = ChildSpec.worker("gateway", PaymentGateway::new)
 *         .restart(Restart.PERMANENT)                    // the default
 *         .shutdown(Shutdown.timeout(Duration.ofSeconds(2)))
 *         .backoff(Backoff.exponential(Duration.ofMillis(50), Duration.ofSeconds(5)))
 *         .registerAs(GATEWAY);                          // re-registered on every restart
 * }
 *
 * <p>The start factory is called for the first start and for every restart, so each incarnation begins from the
 * initial state it builds: return a new {@link io.heddle.Actor} instance each time.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id             unique among the children of one supervisor; also the default actor name
 * @param start          builds the child's initial behavior, on every start
 * @param type           worker or supervisor
 * @param restart        when to restart; default {@link Restart#PERMANENT}
 * @param shutdown       how to stop it; default 5 s for workers, infinity for supervisors
 * @param significant    whether its exit for good may stop the supervisor (see {@link AutoShutdown}); default false
 * @param backoff        a delay before restarts, or null for none (the default: restart at once)
 * @param options        spawn options: name, mailbox, backend; default {@code SpawnOptions.named(id)}
 * @param registeredName a registry name given to every incarnation, or null
 * @param <M>            the type of messages the child accepts
 */
public record ChildSpec<M>(
        String id,
        Supplier<? extends Behavior<M>> start,
        ChildType type,
        Restart restart,
        Shutdown shutdown,
        boolean significant,
        Backoff backoff,
        SpawnOptions options,
        Name<M> registeredName) {

    /** Validates the components. */
    public ChildSpec {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("a child id must not be blank");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(shutdown, "shutdown");
        Objects.requireNonNull(options, "options");
        if (significant && restart == Restart.PERMANENT) {
            throw new IllegalArgumentException("child '" + id + "' cannot be significant and permanent: a permanent "
                    + "child is always restarted, so it never exits for good; make it transient or temporary");
        }
    }

    /** Returns a permanent worker started by {@code start}. */
    public static <M> ChildSpec<M> worker(String id, Supplier<? extends Behavior<M>> start) {
        return new ChildSpec<>(id, start, ChildType.WORKER, Restart.PERMANENT, Shutdown.timeout(Shutdown.DEFAULT_TIMEOUT),
                false, null, SpawnOptions.named(id), null);
    }

    /** Returns a permanent child supervisor with {@code spec}, stopped with {@link Shutdown#infinity()}. */
    public static ChildSpec<SupervisorCommand> supervisor(String id, SupervisorSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new ChildSpec<>(id, () -> Supervisor.create(spec), ChildType.SUPERVISOR, Restart.PERMANENT,
                Shutdown.infinity(), false, null, SpawnOptions.named(id), null);
    }

    /** Returns a permanent child dynamic supervisor with {@code spec}, stopped with {@link Shutdown#infinity()}. */
    public static ChildSpec<SupervisorCommand> supervisor(String id, DynamicSupervisorSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new ChildSpec<>(id, () -> DynamicSupervisor.create(spec), ChildType.SUPERVISOR, Restart.PERMANENT,
                Shutdown.infinity(), false, null, SpawnOptions.named(id), null);
    }

    /** Returns this spec with another restart type. */
    public ChildSpec<M> restart(Restart value) {
        return new ChildSpec<>(id, start, type, value, shutdown, significant, backoff, options, registeredName);
    }

    /** Returns this spec with another shutdown. */
    public ChildSpec<M> shutdown(Shutdown value) {
        return new ChildSpec<>(id, start, type, restart, value, significant, backoff, options, registeredName);
    }

    /** Returns this spec marked significant, or not. */
    public ChildSpec<M> significant(boolean value) {
        return new ChildSpec<>(id, start, type, restart, shutdown, value, backoff, options, registeredName);
    }

    /** Returns this spec with a restart backoff. */
    public ChildSpec<M> backoff(Backoff value) {
        return new ChildSpec<>(id, start, type, restart, shutdown, significant, Objects.requireNonNull(value,
                "backoff"), options, registeredName);
    }

    /** Returns this spec with other spawn options. */
    public ChildSpec<M> options(SpawnOptions value) {
        return new ChildSpec<>(id, start, type, restart, shutdown, significant, backoff, value, registeredName);
    }

    /** Returns this spec with every incarnation registered under {@code name}. */
    public ChildSpec<M> registerAs(Name<M> name) {
        return new ChildSpec<>(id, start, type, restart, shutdown, significant, backoff, options,
                Objects.requireNonNull(name, "name"));
    }

    /** Returns the backoff, if any. */
    public Optional<Backoff> restartBackoff() {
        return Optional.ofNullable(backoff);
    }
}
