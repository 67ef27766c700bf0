package io.heddle;

/**
 * How an actor's mailbox behaves when messages arrive faster than the actor handles them: the buffer strategies of
 * Clojure's core.async, applied to user messages. Control messages (stop, kill, exit signals, down notices) travel in a
 * lane of their own that no strategy bounds or drops.
 *
 * <table>
 *   <caption>Strategies</caption>
 *   <tr><th>strategy</th><th>when full, {@code cast}</th><th>when full, {@code tryCast}</th><th>use for</th></tr>
 *   <tr><td>{@link Fixed} (default, 1000)</td><td>waits for space up to the system's send timeout, then dead-letters
 *       the message</td><td>returns {@link SendResult.Full} at once</td><td>most actors: backpressure, no OOM</td></tr>
 *   <tr><td>{@link Dropping}</td><td>drops the new message to dead letters</td><td>returns {@link SendResult.Dropped}</td>
 *       <td>telemetry where losing some is fine</td></tr>
 *   <tr><td>{@link Sliding}</td><td>accepts the new message and evicts the oldest to dead letters</td>
 *       <td>{@link SendResult.Delivered}</td><td>status updates where only the latest matters</td></tr>
 *   <tr><td>{@link Unbounded}</td><td>never full</td><td>never full</td><td>tests; never in production</td></tr>
 * </table>
 *
 * <p>Thread-safe: immutable values.
 */
public sealed interface Mailbox {

    /** The default capacity of a {@link Fixed} mailbox: 1000 messages. */
    int DEFAULT_CAPACITY = 1000;

    /** Returns the default strategy: {@code Fixed(1000)}. */
    static Mailbox defaultMailbox() {
        return new Fixed(DEFAULT_CAPACITY);
    }

    /** Returns a bounded mailbox whose senders wait when it is full. */
    static Mailbox fixed(int capacity) {
        return new Fixed(capacity);
    }

    /** Returns a bounded mailbox that drops new messages when it is full. */
    static Mailbox dropping(int capacity) {
        return new Dropping(capacity);
    }

    /** Returns a bounded mailbox that evicts its oldest message to make room. */
    static Mailbox sliding(int capacity) {
        return new Sliding(capacity);
    }

    /** Returns a mailbox without a bound. */
    static Mailbox unbounded() {
        return new Unbounded();
    }

    /** The most user messages the mailbox holds; {@link Integer#MAX_VALUE} for {@link Unbounded}. */
    int capacity();

    /**
     * Backpressure: a full mailbox makes senders wait.
     *
     * @param capacity at least 1
     */
    record Fixed(int capacity) implements Mailbox {
        /** Validates the capacity. */
        public Fixed {
            requirePositive(capacity, "Fixed");
        }
    }

    /**
     * Lossy at the tail: a full mailbox drops the newest message.
     *
     * @param capacity at least 1
     */
    record Dropping(int capacity) implements Mailbox {
        /** Validates the capacity. */
        public Dropping {
            requirePositive(capacity, "Dropping");
        }
    }

    /**
     * Lossy at the head: a full mailbox evicts the oldest message.
     *
     * @param capacity at least 1
     */
    record Sliding(int capacity) implements Mailbox {
        /** Validates the capacity. */
        public Sliding {
            requirePositive(capacity, "Sliding");
        }
    }

    /** No bound: memory is the limit. */
    record Unbounded() implements Mailbox {
        @Override
        public int capacity() {
            return Integer.MAX_VALUE;
        }
    }

    private static void requirePositive(int capacity, String strategy) {
        if (capacity < 1 || capacity == Integer.MAX_VALUE) {
            throw new IllegalArgumentException(strategy + " mailbox capacity must be between 1 and "
                    + (Integer.MAX_VALUE - 1) + ", got " + capacity + "; use Mailbox.unbounded() for no bound");
        }
    }
}
