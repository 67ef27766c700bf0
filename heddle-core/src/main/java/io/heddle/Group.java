package io.heddle;

import java.util.Objects;

/**
 * A group key of the {@link Registry}: many actors may join a group, and leave it, or leave it by stopping (Erlang's
 * {@code pg}). Typed with the messages the members accept; declare each group once, as a constant:
 *
 * {@snippet :
 * static final Group<QuoteMsg> QUOTERS = Group.of("quoters");
 *
 * system.registry().join(QUOTERS, quoter);
 * List<ActorRef<QuoteMsg>> members = system.registry().members(QUOTERS);
 * }
 *
 * <p>A {@link io.heddle.routing.Router#group router over a group} follows its membership as it changes.
 * Thread-safe: an immutable value.
 *
 * @param value the group's text, unique per system
 * @param <M>   the type of messages the members accept
 */
public record Group<M>(String value) {

    /** Rejects a null or blank key. */
    public Group {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("a group key must not be blank");
    }

    /** Returns the group {@code value}. */
    public static <M> Group<M> of(String value) {
        return new Group<>(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
