package io.heddle.internal.routing;

import io.heddle.ActorRef;
import io.heddle.Name;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.table.RegistryImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/** Where a router's routees come from. {@link #cells()} is called on every send: lock-free, and cheap. */
sealed interface RouteeSource {

    /** The current routees, in routing order; may include actors that have just stopped. */
    List<ActorCell<?>> cells();

    /** What the routees are, for inspection: "fixed", "group quoters", "names a, b", "pool". */
    String describe();

    /**
     * A set the router owns: routees added and removed by hand, or by a pool. A routee that stops leaves it as soon as
     * its termination completes (and is skipped before that: routing checks that a routee is alive).
     */
    final class Owned implements RouteeSource {
        private final ReentrantLock lock = new ReentrantLock();
        private volatile List<ActorCell<?>> cells = List.of();
        private final String description;
        /** Keeps the routees in this order, or null for the order they were added in. */
        private final java.util.Comparator<ActorCell<?>> order;

        Owned(String description) {
            this(description, null);
        }

        Owned(String description, java.util.Comparator<ActorCell<?>> order) {
            this.description = description;
            this.order = order;
        }

        @Override
        public List<ActorCell<?>> cells() {
            return cells;
        }

        @Override
        public String describe() {
            return description;
        }

        /** Adds {@code cell} at the end, or in place of {@code replacing} if that is a routee; returns false if dead. */
        boolean add(ActorCell<?> cell, ActorCell<?> replacing) {
            lock.lock();
            try {
                if (!cell.isAlive() || cells.contains(cell)) return cell.isAlive();
                List<ActorCell<?>> next = new ArrayList<>(cells);
                int at = replacing == null ? -1 : next.indexOf(replacing);
                if (at >= 0) next.set(at, cell);
                else next.add(cell);
                if (order != null) next.sort(order);
                cells = List.copyOf(next);
            } finally {
                lock.unlock();
            }
            cell.termination().whenComplete((reason, failure) -> remove(cell));
            return true;
        }

        boolean remove(ActorCell<?> cell) {
            lock.lock();
            try {
                if (!cells.contains(cell)) return false;
                cells = cells.stream().filter(c -> c != cell).toList();
                return true;
            } finally {
                lock.unlock();
            }
        }
    }

    /** The members of a registry group, as the registry holds them. */
    record OfGroup(RegistryImpl registry, String key) implements RouteeSource {
        @Override
        public List<ActorCell<?>> cells() {
            return registry.memberCells(key);
        }

        @Override
        public String describe() {
            return "group " + key;
        }
    }

    /** The actors holding some registered names, looked up on every send, so a re-registered name is followed. */
    record OfNames(io.heddle.Registry registry, List<Name<?>> names) implements RouteeSource {
        @Override
        public List<ActorCell<?>> cells() {
            List<ActorCell<?>> cells = new ArrayList<>(names.size());
            for (Name<?> name : names) {
                Optional<? extends ActorRef<?>> ref = registry.whereis(name);
                ref.ifPresent(r -> cells.add((ActorCell<?>) r));
            }
            return cells;
        }

        @Override
        public String describe() {
            return "names " + names;
        }
    }
}
