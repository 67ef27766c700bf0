package io.heddle;

import java.util.Objects;

/**
 * How to spawn an actor: its name, mailbox and backend. Start from {@link #defaults()} or {@link #named(String)} and
 * adjust with the {@code with}-style methods, each of which returns a new value:
 *
 * {@snippet :
 * var options = SpawnOptions.named("telemetry")
 *         .mailbox(Mailbox.dropping(10_000))
 *         .backend(Backend.dispatcher());
 * }
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param name    a label for logs, errors and inspection, or null for none; names need not be unique
 * @param mailbox the buffer strategy, or null for the system's default
 * @param backend where handlers run
 */
public record SpawnOptions(String name, Mailbox mailbox, Backend backend) {

    private static final SpawnOptions DEFAULTS = new SpawnOptions(null, null, Backend.dispatcher());

    /** Validates the components. */
    public SpawnOptions {
        Objects.requireNonNull(backend, "backend");
        if (name != null && name.isBlank()) throw new IllegalArgumentException("actor name must not be blank");
    }

    /** Returns the defaults: no name, the system's default mailbox, the dispatcher. */
    public static SpawnOptions defaults() {
        return DEFAULTS;
    }

    /** Returns the defaults with a name. */
    public static SpawnOptions named(String name) {
        return DEFAULTS.name(name);
    }

    /** Returns these options with another name. */
    public SpawnOptions name(String newName) {
        return new SpawnOptions(newName, mailbox, backend);
    }

    /** Returns these options with another mailbox strategy. */
    public SpawnOptions mailbox(Mailbox newMailbox) {
        return new SpawnOptions(name, Objects.requireNonNull(newMailbox, "mailbox"), backend);
    }

    /** Returns these options with another backend. */
    public SpawnOptions backend(Backend newBackend) {
        return new SpawnOptions(name, mailbox, newBackend);
    }
}
