package io.heddle;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link ActorSystem}. Start from {@link #defaults(String)} and adjust with the {@code with}-style
 * methods; each returns a new value.
 *
 * {@snippet :
 * var config = ActorSystemConfig.defaults("orders")
 *         .callTimeout(Duration.ofSeconds(2))
 *         .shutdownTimeout(Duration.ofSeconds(10));
 * try (var system = ActorSystem.create(config)) {
 *     // ...
 * }
 * }
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param name            the system's name, for logs and thread names
 * @param parallelism     how many dispatcher workers run turns at once; default: the number of available processors
 * @param throughput      how many messages an actor handles in one turn before others get a go; default 100
 * @param defaultMailbox  the mailbox of actors spawned without one; default {@code Fixed(1000)}
 * @param callTimeout     the timeout of {@link ActorRef#call(java.util.function.Function)}; default 5 s
 * @param sendTimeout     how long {@link ActorRef#cast} waits on a full {@link Mailbox.Fixed}; default 5 s
 * @param shutdownTimeout how long a graceful stop waits for each actor before killing it; default 5 s
 */
public record ActorSystemConfig(
        String name,
        int parallelism,
        int throughput,
        Mailbox defaultMailbox,
        Duration callTimeout,
        Duration sendTimeout,
        Duration shutdownTimeout) {

    /** Validates the components. */
    public ActorSystemConfig {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("actor system name must not be blank");
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        if (throughput < 1) throw new IllegalArgumentException("throughput must be >= 1, got " + throughput);
        Objects.requireNonNull(defaultMailbox, "defaultMailbox");
        requirePositive(callTimeout, "callTimeout");
        requirePositive(sendTimeout, "sendTimeout");
        requirePositive(shutdownTimeout, "shutdownTimeout");
    }

    /** Returns the defaults, named {@code name}. */
    public static ActorSystemConfig defaults(String name) {
        return new ActorSystemConfig(name, Runtime.getRuntime().availableProcessors(), 100, Mailbox.defaultMailbox(),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    /** Returns this configuration with another dispatcher parallelism. */
    public ActorSystemConfig parallelism(int value) {
        return new ActorSystemConfig(name, value, throughput, defaultMailbox, callTimeout, sendTimeout, shutdownTimeout);
    }

    /** Returns this configuration with another per-turn throughput. */
    public ActorSystemConfig throughput(int value) {
        return new ActorSystemConfig(name, parallelism, value, defaultMailbox, callTimeout, sendTimeout, shutdownTimeout);
    }

    /** Returns this configuration with another default mailbox. */
    public ActorSystemConfig defaultMailbox(Mailbox value) {
        return new ActorSystemConfig(name, parallelism, throughput, value, callTimeout, sendTimeout, shutdownTimeout);
    }

    /** Returns this configuration with another default call timeout. */
    public ActorSystemConfig callTimeout(Duration value) {
        return new ActorSystemConfig(name, parallelism, throughput, defaultMailbox, value, sendTimeout, shutdownTimeout);
    }

    /** Returns this configuration with another send timeout. */
    public ActorSystemConfig sendTimeout(Duration value) {
        return new ActorSystemConfig(name, parallelism, throughput, defaultMailbox, callTimeout, value, shutdownTimeout);
    }

    /** Returns this configuration with another per-actor shutdown timeout. */
    public ActorSystemConfig shutdownTimeout(Duration value) {
        return new ActorSystemConfig(name, parallelism, throughput, defaultMailbox, callTimeout, sendTimeout, value);
    }

    private static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
