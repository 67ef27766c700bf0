package io.heddle.internal.table;

import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.ref.Recipient;
import io.heddle.internal.signals.SignalState;
import io.heddle.MonitorRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A system's table of live actors: the tree (who is whose child, in spawn order), the links between actors, who
 * monitors whom, and the registered names. It is the one place that decides, atomically, whether an actor is still
 * there to be linked, monitored or named, so a link made while its target dies either stands before the target's
 * exit (and the exit is signalled through it) or is refused (and the linker hears {@code noproc} at once).
 *
 * <h2>Design</h2>
 * <ul>
 *   <li><b>One lock</b> ({@link #lock}) guards the tree, the link sets, the watcher maps, the names held by each actor
 *       and each actor's {@code closed} flag, all of which live in the actors' {@link TableEntry}, allocated only by
 *       the actors that use them. An actor that is never linked, monitored or named costs the table two sibling
 *       fields and nothing else. Every operation holds the lock for a few pointer updates; none calls out.</li>
 *   <li><b>Leaving</b> ({@link #remove}): when an actor terminates it leaves the tree, releases its names, drops the
 *       monitors it held, and hands back the actors linked to it and the monitors on it, in one critical section. The
 *       caller signals them after releasing the lock. Because names are released first, an actor notified of the exit
 *       may register a successor under the same name at once.</li>
 *   <li><b>Links</b> are symmetric sets. An exit signal does not remove the dead actor from the receiver's set; the
 *       receiver does that when it handles the signal ({@link #consumeLink}), and drops the signal if the link is gone
 *       by then, so an {@code unlink} made before the signal is handled cancels it, as in Erlang.</li>
 *   <li><b>Names</b> live in a concurrent map read without the lock ({@link #whereis}); writes take the lock so a
 *       name cannot be given to an actor that is leaving.</li>
 * </ul>
 */
public final class ActorTable {

    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock. */
    private ActorCell<?> firstTop;
    private ActorCell<?> lastTop;
    private boolean accepting = true;
    /** Written under lock, read by anyone. */
    private final ConcurrentHashMap<String, ActorCell<?>> names = new ConcurrentHashMap<>();
    /** Group members, in join order; each list is replaced, never changed, so readers need no lock. */
    private final ConcurrentHashMap<String, List<ActorCell<?>>> groups = new ConcurrentHashMap<>();

    /** What a terminating actor must signal: linked actors and watchers, collected by {@link #remove}. */
    public record Departure(List<Recipient<?>> links, Map<MonitorRef, Recipient<?>> watchers) {
        static final Departure NONE = new Departure(List.of(), Map.of());
    }

    /** Why {@link #add} refused a new actor. */
    public enum Refusal { NONE, SYSTEM_STOPPING, PARENT_STOPPING }

    // ------------------------------------------------------------------------------------------------ tree

    /**
     * Adds a new actor under its parent (or at the top), and links it to the parent if {@code linkToParent}. Returns
     * {@link Refusal#NONE}, or why the actor was not added.
     */
    public Refusal add(ActorCell<?> cell, boolean linkToParent) {
        ActorCell<?> parent = cell.parent();
        lock.lock();
        try {
            if (!accepting) return Refusal.SYSTEM_STOPPING;
            if (parent == null) {
                cell.prevSibling = lastTop;
                if (lastTop == null) firstTop = cell;
                else lastTop.nextSibling = cell;
                lastTop = cell;
            } else {
                TableEntry family = parent.tableEntry();
                if (family.closed || parent.isStopping()) return Refusal.PARENT_STOPPING;
                cell.prevSibling = family.lastChild;
                if (family.lastChild == null) family.firstChild = cell;
                else family.lastChild.nextSibling = cell;
                family.lastChild = cell;
                if (linkToParent) {
                    linkSet(family).add(cell);
                    linkSet(cell.tableEntry()).add(parent);
                }
            }
            return Refusal.NONE;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new actors from now on. Returns true if this call did it. */
    public boolean stopAccepting() {
        lock.lock();
        try {
            boolean was = accepting;
            accepting = false;
            return was;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes a terminating actor out of the table: out of the tree, its names released, the monitors it held dropped,
     * and it closed to new links, monitors and names. Returns whom to signal.
     */
    public Departure remove(ActorCell<?> cell) {
        lock.lock();
        try {
            unlinkFromTree(cell);
            // The monitors it held are in its signal state, which it may have without a table entry of its own.
            SignalState signals = cell.signalsOrNull();
            if (signals != null && signals.monitoring != null) {
                signals.monitoring.forEach((ref, m) -> {
                    TableEntry target = m.target().tableEntryIfPresent();
                    if (target != null && target.watchers != null) target.watchers.remove(ref);
                });
            }
            TableEntry x = cell.tableEntryIfPresent();
            if (x == null) {
                x = cell.tableEntry();
                x.closed = true;
                return Departure.NONE;
            }
            x.closed = true;
            if (x.names != null) {
                for (String name : x.names) names.remove(name, cell);
                x.names = null;
            }
            if (x.groups != null) {
                for (String group : x.groups) removeMember(group, cell);
                x.groups = null;
            }
            if (x.links == null && x.watchers == null) return Departure.NONE;
            List<Recipient<?>> links = x.links == null ? List.of() : new ArrayList<>(x.links);
            Map<MonitorRef, Recipient<?>> watchers = x.watchers == null ? Map.of() : x.watchers;
            x.links = null;
            x.watchers = null;
            return new Departure(links, watchers);
        } finally {
            lock.unlock();
        }
    }

    private void unlinkFromTree(ActorCell<?> cell) {
        ActorCell<?> parent = cell.parent();
        ActorCell<?> prev = cell.prevSibling;
        ActorCell<?> next = cell.nextSibling;
        if (parent == null) {
            if (prev == null) {
                if (firstTop == cell) firstTop = next;
            } else {
                prev.nextSibling = next;
            }
            if (next == null) {
                if (lastTop == cell) lastTop = prev;
            } else {
                next.prevSibling = prev;
            }
        } else {
            TableEntry family = parent.tableEntry();
            if (prev == null) {
                if (family.firstChild == cell) family.firstChild = next;
            } else {
                prev.nextSibling = next;
            }
            if (next == null) {
                if (family.lastChild == cell) family.lastChild = prev;
            } else {
                next.prevSibling = prev;
            }
        }
        cell.prevSibling = null;
        cell.nextSibling = null;
    }

    /** Returns the children of {@code parent} (or the top-level actors, for null), newest first. */
    public List<ActorCell<?>> childrenNewestFirst(ActorCell<?> parent) {
        List<ActorCell<?>> result = new ArrayList<>();
        lock.lock();
        try {
            ActorCell<?> c;
            if (parent == null) {
                c = lastTop;
            } else {
                TableEntry family = parent.tableEntryIfPresent();
                c = family == null ? null : family.lastChild;
            }
            for (; c != null; c = c.prevSibling) result.add(c);
        } finally {
            lock.unlock();
        }
        return result;
    }

    /** Visits every live actor, depth first, parents before children, in spawn order. */
    void forEach(Consumer<ActorCell<?>> visitor) {
        List<ActorCell<?>> all = new ArrayList<>();
        lock.lock();
        try {
            for (ActorCell<?> c = firstTop; c != null; c = c.nextSibling) collect(c, all);
        } finally {
            lock.unlock();
        }
        all.forEach(visitor);
    }

    private static void collect(ActorCell<?> cell, List<ActorCell<?>> into) {
        into.add(cell);
        TableEntry family = cell.tableEntryIfPresent();
        if (family == null) return;
        for (ActorCell<?> c = family.firstChild; c != null; c = c.nextSibling) collect(c, into);
    }

    /**
     * One live actor as the table holds it, copied for inspection: its parent, depth in the tree, links, watchers and
     * names.
     */
    public record Entry(ActorCell<?> cell, ActorCell<?> parent, int depth, List<Recipient<?>> links,
                 List<Recipient<?>> watchers, List<String> names) {}

    /**
     * Copies the table for inspection: every live actor, depth first, parents before children, in spawn order. The lock
     * is held only while references are copied.
     */
    public List<Entry> snapshot() {
        List<Entry> all = new ArrayList<>();
        ArrayList<ActorCell<?>> stack = new ArrayList<>();
        ArrayList<Integer> depths = new ArrayList<>();
        lock.lock();
        try {
            for (ActorCell<?> c = lastTop; c != null; c = c.prevSibling) {
                stack.add(c);
                depths.add(0);
            }
            while (!stack.isEmpty()) {
                ActorCell<?> cell = stack.removeLast();
                int depth = depths.removeLast();
                TableEntry x = cell.tableEntryIfPresent();
                List<Recipient<?>> links = x == null || x.links == null ? List.of() : new ArrayList<>(x.links);
                List<Recipient<?>> watchers = x == null || x.watchers == null ? List.of()
                        : new ArrayList<>(x.watchers.values());
                List<String> names = x == null || x.names == null ? List.of() : new ArrayList<>(x.names);
                all.add(new Entry(cell, cell.parent(), depth, links, watchers, names));
                if (x != null) {
                    for (ActorCell<?> child = x.lastChild; child != null; child = child.prevSibling) {
                        stack.add(child);
                        depths.add(depth + 1);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        return all;
    }

    // ------------------------------------------------------------------------------------------------ links

    /** Links {@code a} and {@code b}. Returns false, linking nothing, if {@code b} has left the table. */
    public boolean link(ActorCell<?> a, ActorCell<?> b) {
        lock.lock();
        try {
            TableEntry xb = b.tableEntry();
            if (xb.closed) return false;
            TableEntry xa = a.tableEntry();
            if (xa.closed) return true; // a is leaving; its own exit will reach b through this link
            linkSet(xa).add(b);
            linkSet(xb).add(a);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the link between {@code a} and {@code b}, if any. */
    public void unlink(ActorCell<?> a, ActorCell<?> b) {
        lock.lock();
        try {
            TableEntry xa = a.tableEntryIfPresent();
            if (xa != null && xa.links != null) xa.links.remove(b);
            TableEntry xb = b.tableEntryIfPresent();
            if (xb != null && xb.links != null) xb.links.remove(a);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called by {@code receiver} as it handles an exit signal from {@code from}: removes the link and returns true if
     * it still stood, false if it was unlinked meanwhile (the signal is then dropped).
     */
    public boolean consumeLink(ActorCell<?> receiver, Recipient<?> from) {
        lock.lock();
        try {
            TableEntry x = receiver.tableEntryIfPresent();
            return x != null && x.links != null && x.links.remove(from);
        } finally {
            lock.unlock();
        }
    }

    /** Returns the actors linked to {@code cell}, a snapshot. */
    List<Recipient<?>> links(ActorCell<?> cell) {
        lock.lock();
        try {
            TableEntry x = cell.tableEntryIfPresent();
            return x == null || x.links == null ? List.of() : List.copyOf(x.links);
        } finally {
            lock.unlock();
        }
    }

    private static HashSet<Recipient<?>> linkSet(TableEntry x) {
        if (x.links == null) x.links = new HashSet<>(4);
        return x.links;
    }

    // ------------------------------------------------------------------------------------------------ monitors

    /** Records that {@code watcher} monitors {@code target} as {@code ref}. Returns false if the target has left. */
    public boolean addWatcher(ActorCell<?> target, MonitorRef ref, Recipient<?> watcher) {
        lock.lock();
        try {
            TableEntry x = target.tableEntry();
            if (x.closed) return false;
            if (x.watchers == null) x.watchers = new HashMap<>(4);
            x.watchers.put(ref, watcher);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the monitor {@code ref} on {@code target}. */
    public void removeWatcher(ActorCell<?> target, MonitorRef ref) {
        lock.lock();
        try {
            TableEntry x = target.tableEntryIfPresent();
            if (x != null && x.watchers != null) x.watchers.remove(ref);
        } finally {
            lock.unlock();
        }
    }

    /** Returns the pids watching {@code cell}, a snapshot. */
    List<Recipient<?>> watchers(ActorCell<?> cell) {
        lock.lock();
        try {
            TableEntry x = cell.tableEntryIfPresent();
            return x == null || x.watchers == null ? List.of() : List.copyOf(x.watchers.values());
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------------------------------------ names

    private final NameWaits nameWaits = new NameWaits();

    /**
     * Gives {@code name} to {@code cell}. Returns null on success, otherwise the live actor holding the name, or
     * {@code cell} itself if it has left the table. Wakes whoever waits for the name.
     */
    public ActorCell<?> register(String name, ActorCell<?> cell) {
        lock.lock();
        try {
            TableEntry x = cell.tableEntry();
            if (x.closed) return cell;
            ActorCell<?> holder = names.putIfAbsent(name, cell);
            if (holder != null && holder != cell) return holder;
            if (holder == null) {
                if (x.names == null) x.names = new ArrayList<>(1);
                x.names.add(name);
            }
        } finally {
            lock.unlock();
        }
        nameWaits.registered(name);
        return null;
    }

    /** The future completed when {@code name} is next registered; take it before looking the name up. */
    public java.util.concurrent.CompletableFuture<Void> nextRegistration(String name) {
        return nameWaits.next(name);
    }

    /** Releases {@code name}. Returns true if it was held. */
    boolean unregister(String name) {
        lock.lock();
        try {
            ActorCell<?> holder = names.remove(name);
            if (holder == null) return false;
            TableEntry x = holder.tableEntryIfPresent();
            if (x != null && x.names != null) x.names.remove(name);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Returns the actor holding {@code name}, or null. Lock-free. */
    ActorCell<?> whereis(String name) {
        return names.get(name);
    }

    /** Returns the registered names and their holders, a snapshot. */
    Map<String, ActorCell<?>> names() {
        return Map.copyOf(names);
    }

    // ------------------------------------------------------------------------------------------------ groups

    /** Adds {@code cell} to {@code group}. Returns false if it has left the table. */
    boolean join(String group, ActorCell<?> cell) {
        lock.lock();
        try {
            TableEntry x = cell.tableEntry();
            if (x.closed) return false;
            List<ActorCell<?>> members = groups.getOrDefault(group, List.of());
            if (members.contains(cell)) return true;
            ArrayList<ActorCell<?>> more = new ArrayList<>(members.size() + 1);
            more.addAll(members);
            more.add(cell);
            groups.put(group, List.copyOf(more));
            if (x.groups == null) x.groups = new ArrayList<>(1);
            x.groups.add(group);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code cell} from {@code group}. Returns true if it was a member. */
    boolean leave(String group, ActorCell<?> cell) {
        lock.lock();
        try {
            TableEntry x = cell.tableEntryIfPresent();
            if (x != null && x.groups != null) x.groups.remove(group);
            return removeMember(group, cell);
        } finally {
            lock.unlock();
        }
    }

    /** Under lock. */
    private boolean removeMember(String group, ActorCell<?> cell) {
        List<ActorCell<?>> members = groups.get(group);
        if (members == null || !members.contains(cell)) return false;
        List<ActorCell<?>> fewer = members.stream().filter(c -> c != cell).toList();
        if (fewer.isEmpty()) groups.remove(group);
        else groups.put(group, fewer);
        return true;
    }

    /** Returns the members of {@code group}, an immutable snapshot. Lock-free. */
    List<ActorCell<?>> members(String group) {
        return groups.getOrDefault(group, List.of());
    }

    /** Returns every group and its members, a snapshot. */
    Map<String, List<ActorCell<?>>> groups() {
        return Map.copyOf(groups);
    }

    /** Returns the names {@code cell} holds, a snapshot. */
    List<String> namesOf(ActorCell<?> cell) {
        lock.lock();
        try {
            TableEntry x = cell.tableEntryIfPresent();
            return x == null || x.names == null ? List.of() : List.copyOf(x.names);
        } finally {
            lock.unlock();
        }
    }
}
