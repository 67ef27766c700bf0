package io.heddle.routing;

/**
 * How a {@link Router} picks the routee for a message.
 *
 * <ul>
 *   <li>{@link RoundRobin}: each routee in turn. Even, predictable; the default for pools.</li>
 *   <li>{@link Random}: a routee at random, from a source seeded by the system (repeatable in a simulation).</li>
 *   <li>{@link SmallestMailbox}: the routee with the fewest queued messages, an idle one first. Best when message costs
 *       vary; reads every routee's queue length on each send.</li>
 *   <li>{@link ConsistentHash}: the routee owning the message's key on a hash ring with virtual nodes, so one key always
 *       goes to the same routee, and when routees come or go only the keys of the ones that changed move. For state
 *       partitioned by key (a cache per customer, say). The key comes from {@link Router#castByKey}, or from the
 *       message if it implements {@link HashKey}.</li>
 *   <li>{@link Broadcast}: every routee. A cast goes to all; {@link Router#broadcastCall} gathers all the replies.</li>
 * </ul>
 *
 * <p>Thread-safe: immutable values.
 */
public sealed interface RoutingStrategy {

    /** Each routee in turn. */
    static RoutingStrategy roundRobin() {
        return new RoundRobin();
    }

    /** A routee at random. */
    static RoutingStrategy random() {
        return new Random();
    }

    /** The routee with the fewest queued messages. */
    static RoutingStrategy smallestMailbox() {
        return new SmallestMailbox();
    }

    /** Consistent hashing with {@link ConsistentHash#DEFAULT_VIRTUAL_NODES} virtual nodes per routee. */
    static RoutingStrategy consistentHash() {
        return new ConsistentHash(ConsistentHash.DEFAULT_VIRTUAL_NODES);
    }

    /** Consistent hashing with {@code virtualNodes} points per routee on the ring; more spread keys more evenly. */
    static RoutingStrategy consistentHash(int virtualNodes) {
        return new ConsistentHash(virtualNodes);
    }

    /** Every routee. */
    static RoutingStrategy broadcast() {
        return new Broadcast();
    }

    /** Each routee in turn. */
    record RoundRobin() implements RoutingStrategy {}

    /** A routee at random. */
    record Random() implements RoutingStrategy {}

    /** The routee with the fewest queued messages. */
    record SmallestMailbox() implements RoutingStrategy {}

    /**
     * The routee that owns the key on a hash ring.
     *
     * @param virtualNodes points per routee on the ring
     */
    record ConsistentHash(int virtualNodes) implements RoutingStrategy {

        /** Points per routee unless told otherwise: enough for an even spread over tens of routees. */
        public static final int DEFAULT_VIRTUAL_NODES = 160;

        /** Validates the count. */
        public ConsistentHash {
            if (virtualNodes < 1 || virtualNodes > 10_000) {
                throw new IllegalArgumentException("virtualNodes must be between 1 and 10000, got " + virtualNodes);
            }
        }
    }

    /** Every routee. */
    record Broadcast() implements RoutingStrategy {}
}
