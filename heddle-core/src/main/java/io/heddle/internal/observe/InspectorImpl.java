package io.heddle.internal.observe;

import io.heddle.internal.ref.Recipient;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.routing.RouterView;
import io.heddle.internal.system.SystemImpl;
import io.heddle.internal.table.ActorTable;
import io.heddle.DeadLetter;
import io.heddle.Pid;
import io.heddle.inspect.ActorInfo;
import io.heddle.inspect.ActorTree;
import io.heddle.inspect.Inspector;
import io.heddle.inspect.Link;
import io.heddle.inspect.Monitor;
import io.heddle.inspect.SystemInfo;
import io.heddle.scheduling.SchedulingEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Inspector} of one system: copies the actor table under its lock ({@link ActorTable#snapshot()}), then
 * reads each actor's fields without any lock ({@link ActorCell#describe}).
 */
public final class InspectorImpl implements Inspector {

    private final SystemImpl system;

    public InspectorImpl(SystemImpl system) {
        this.system = system;
    }

    @Override
    public SystemInfo system() {
        int actors = 0;
        int tasks = 0;
        for (ActorTable.Entry e : system.table().snapshot()) {
            if (e.cell().isTask()) tasks++;
            else actors++;
        }
        return new SystemInfo(system.name(), system.uptime(), system.isRunning(), actors, tasks,
                system.dispatcher().workerCount(), system.config().parallelism(), system.deadLetters().count());
    }

    @Override
    public List<ActorInfo> actors() {
        List<ActorTable.Entry> entries = system.table().snapshot();
        Map<Recipient<?>, List<Pid>> monitors = monitorsByWatcher(entries);
        List<ActorInfo> infos = new ArrayList<>(entries.size());
        for (ActorTable.Entry e : entries) infos.add(describe(e, monitors));
        return infos;
    }

    @Override
    public Optional<ActorInfo> actor(Pid pid) {
        List<ActorTable.Entry> entries = system.table().snapshot();
        for (ActorTable.Entry e : entries) {
            if (e.cell().pid().equals(pid)) return Optional.of(describe(e, monitorsByWatcher(entries)));
        }
        return Optional.empty();
    }

    @Override
    public Optional<io.heddle.ActorRef<?>> ref(Pid pid) {
        for (ActorTable.Entry e : system.table().snapshot()) {
            if (e.cell().pid().equals(pid)) return Optional.of(e.cell());
        }
        return Optional.empty();
    }

    @Override
    public ActorTree tree() {
        List<ActorTable.Entry> entries = system.table().snapshot();
        Map<Recipient<?>, List<Pid>> monitors = monitorsByWatcher(entries);
        // Entries come depth first, parents before children: build bottom-up with a stack of open levels.
        List<List<ActorTree.Node>> childrenAt = new ArrayList<>();
        List<ActorInfo> openAt = new ArrayList<>();
        childrenAt.add(new ArrayList<>()); // the roots
        for (ActorTable.Entry e : entries) {
            int depth = e.depth();
            while (openAt.size() > depth) close(childrenAt, openAt);
            openAt.add(describe(e, monitors));
            childrenAt.add(new ArrayList<>());
        }
        while (!openAt.isEmpty()) close(childrenAt, openAt);
        return new ActorTree(system.name(), childrenAt.getFirst());
    }

    private static void close(List<List<ActorTree.Node>> childrenAt, List<ActorInfo> openAt) {
        ActorInfo actor = openAt.removeLast();
        List<ActorTree.Node> children = childrenAt.removeLast();
        childrenAt.getLast().add(new ActorTree.Node(actor, children));
    }

    @Override
    public List<Link> links() {
        Set<Link> links = new HashSet<>();
        List<Link> ordered = new ArrayList<>();
        for (ActorTable.Entry e : system.table().snapshot()) {
            Pid a = e.cell().pid();
            for (Recipient<?> other : e.links()) {
                Pid b = other.pid();
                Link link = a.compareTo(b) <= 0 ? new Link(a, b) : new Link(b, a);
                if (links.add(link)) ordered.add(link);
            }
        }
        return ordered;
    }

    @Override
    public List<Monitor> monitors() {
        List<Monitor> monitors = new ArrayList<>();
        for (ActorTable.Entry e : system.table().snapshot()) {
            for (Recipient<?> watcher : e.watchers()) monitors.add(new Monitor(watcher.pid(), e.cell().pid()));
        }
        return monitors;
    }

    @Override
    public List<DeadLetter> deadLetters() {
        return system.deadLetters().recent();
    }

    @Override
    public List<io.heddle.inspect.RouterInfo> routers() {
        return system.routers().stream().map(RouterView::describe).toList();
    }

    @Override
    public List<SchedulingEvent> schedulingEvents() {
        return system.recentSchedulingEvents();
    }

    private static Map<Recipient<?>, List<Pid>> monitorsByWatcher(List<ActorTable.Entry> entries) {
        Map<Recipient<?>, List<Pid>> byWatcher = new HashMap<>();
        for (ActorTable.Entry e : entries) {
            for (Recipient<?> watcher : e.watchers()) {
                byWatcher.computeIfAbsent(watcher, w -> new ArrayList<>(2)).add(e.cell().pid());
            }
        }
        return byWatcher;
    }

    private ActorInfo describe(ActorTable.Entry e, Map<Recipient<?>, List<Pid>> monitors) {
        List<Pid> links = new ArrayList<>(e.links().size());
        for (Recipient<?> c : e.links()) links.add(c.pid());
        List<Pid> watchers = new ArrayList<>(e.watchers().size());
        for (Recipient<?> c : e.watchers()) watchers.add(c.pid());
        return e.cell().describe(e.parent(), links, monitors.getOrDefault(e.cell(), List.of()), watchers, e.names());
    }
}
