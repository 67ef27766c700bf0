package io.heddle;

import io.heddle.scheduling.Reentrancy;
import io.heddle.scheduling.Scheduling;
import java.util.Objects;

/**
 * How to spawn an actor: its name, mailbox, backend and scheduling. Start from {@link #defaults()} or {@link #named(String)} and
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
 * @param backend    where handlers run
 * @param scheduling throughput, handler timeout, reentrancy and concurrent reads; see {@link Scheduling}
 */
public record SpawnOptions(String name, Mailbox mailbox, Backend backend, Scheduling scheduling) {

    private static final SpawnOptions DEFAULTS = new SpawnOptions(null, null, Backend.dispatcher(),
            Scheduling.defaults());

    /** Validates the components. */
    public SpawnOptions {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(scheduling, "scheduling");
        if (name != null && name.isBlank()) throw new IllegalArgumentException("actor name must not be blank");
        if (!(backend instanceof Backend.Dispatcher)
                && (scheduling.reentrancy() != Reentrancy.NONE || scheduling.readParallelism() > 1)) {
            throw new IllegalArgumentException("reentrancy " + scheduling.reentrancy() + " and concurrent reads ("
                    + scheduling.readParallelism() + ") need Backend.dispatcher(), not " + backend + ": with a "
                    + "thread of its own, an actor has nobody to run another message while its handler waits");
        }
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
        return new SpawnOptions(newName, mailbox, backend, scheduling);
    }

    /** Returns these options with another mailbox strategy. */
    public SpawnOptions mailbox(Mailbox newMailbox) {
        return new SpawnOptions(name, Objects.requireNonNull(newMailbox, "mailbox"), backend, scheduling);
    }

    /** Returns these options with another backend. */
    public SpawnOptions backend(Backend newBackend) {
        return new SpawnOptions(name, mailbox, newBackend, scheduling);
    }

    /** Returns these options with another scheduling configuration. */
    public SpawnOptions scheduling(Scheduling newScheduling) {
        return new SpawnOptions(name, mailbox, backend, newScheduling);
    }
}
