package io.heddle.routing;

/**
 * A message that carries its own key for {@link RoutingStrategy#consistentHash() consistent hashing}, so that
 * {@link Router#cast} and a keyed call need no explicit key:
 *
 * {@snippet :
 * record AddToCart(String customer, String sku) implements CartMsg, HashKey {
 *     public Object hashKey() { return customer; }
 * }
 * }
 */
public interface HashKey {

    /** Returns the key; equal keys go to the same routee. Must not be null. */
    Object hashKey();
}
