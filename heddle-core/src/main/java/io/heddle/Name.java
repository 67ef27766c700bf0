package io.heddle;

import java.util.Objects;

/**
 * A name to register an actor under in its system's {@link Registry}, typed with the messages the actor accepts, so
 * that looking it up gives a typed reference. Declare each name once, as a constant, and use that constant on both
 * sides:
 *
 * {@snippet :
 * static final Name<PaymentsMsg> PAYMENTS = Name.of("payments");
 *
 * system.registry().register(PAYMENTS, payments);
 * system.registry().cast(PAYMENTS, new Refund(42));
 * }
 *
 * <p>The type parameter is a compile-time promise only: two {@code Name}s with the same text but different types
 * refer to the same registration. Thread-safe: an immutable value.
 *
 * @param value the name's text, unique per system
 * @param <M>   the type of messages the named actor accepts
 */
public record Name<M>(String value) {

    /** Rejects a null or blank name. */
    public Name {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("a registered name must not be blank");
    }

    /** Returns the name {@code value}. */
    public static <M> Name<M> of(String value) {
        return new Name<>(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
