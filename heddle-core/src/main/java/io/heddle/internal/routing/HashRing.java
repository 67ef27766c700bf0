package io.heddle.internal.routing;

import io.heddle.internal.cell.ActorCell;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A consistent-hash ring: {@code virtualNodes} points per routee, at positions derived from the routee's identity (its
 * name if it has one, so a restarted actor under the same name keeps its keys; else its pid). A key goes to the routee
 * owning the first point at or after the key's hash. Immutable; built when the routees change.
 */
final class HashRing {

    private final List<ActorCell<?>> routees;
    private final long[] points;
    private final int[] owners;

    HashRing(List<ActorCell<?>> routees, int virtualNodes) {
        this.routees = routees;
        int n = routees.size() * virtualNodes;
        long[] hashes = new long[n];
        int[] who = new int[n];
        int i = 0;
        for (int r = 0; r < routees.size(); r++) {
            long base = hash(identity(routees.get(r)));
            for (int v = 0; v < virtualNodes; v++) {
                hashes[i] = mix(base + 0x9E3779B97F4A7C15L * (v + 1));
                who[i] = r;
                i++;
            }
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        Arrays.sort(order, (a, b) -> Long.compare(hashes[a], hashes[b]));
        this.points = new long[n];
        this.owners = new int[n];
        for (int k = 0; k < n; k++) {
            points[k] = hashes[order[k]];
            owners[k] = who[order[k]];
        }
    }

    /** True if this ring was built for exactly these routees, in this order. */
    boolean isFor(List<ActorCell<?>> cells) {
        if (cells.size() != routees.size()) return false;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i) != routees.get(i)) return false;
        }
        return true;
    }

    /** Returns the routee owning {@code key}. The ring must not be empty. */
    ActorCell<?> owner(Object key) {
        long h = hash(key);
        int at = Arrays.binarySearch(points, h);
        if (at < 0) at = -at - 1;
        if (at == points.length) at = 0;
        return routees.get(owners[at]);
    }

    private static String identity(ActorCell<?> cell) {
        return cell.name().orElseGet(() -> cell.pid().toString());
    }

    /** A 64-bit hash: FNV-1a over the UTF-8 bytes of a string key, the bits of a number, else hashCode; then mixed. */
    static long hash(Object key) {
        long h;
        if (key instanceof CharSequence text) {
            h = 0xcbf29ce484222325L;
            for (byte b : text.toString().getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
        } else if (key instanceof Long || key instanceof Integer || key instanceof Short || key instanceof Byte) {
            h = ((Number) key).longValue();
        } else {
            h = key.hashCode();
        }
        return mix(h);
    }

    /** The finaliser of MurmurHash3: spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
