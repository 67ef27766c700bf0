package io.heddle.internal.table;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Threads waiting for a name to be registered: a call by name made while the name's actor restarts waits here for
 * the successor instead of failing. One future per awaited name, completed and removed when the name is registered.
 *
 * <p>Thread-safe. A waiter must take the future first and look the name up after, so that a registration between the
 * two is never missed: either the lookup sees it, or the registration completes the future the waiter holds.
 */
final class NameWaits {

    private final ConcurrentHashMap<String, CompletableFuture<Void>> waits = new ConcurrentHashMap<>();

    /** The future completed when {@code name} is next registered. */
    CompletableFuture<Void> next(String name) {
        return waits.computeIfAbsent(name, n -> new CompletableFuture<>());
    }

    /** {@code name} was registered: wakes whoever waits for it. Cheap when nobody does. */
    void registered(String name) {
        if (waits.isEmpty()) return;
        CompletableFuture<Void> f = waits.remove(name);
        if (f != null) f.complete(null);
    }
}
