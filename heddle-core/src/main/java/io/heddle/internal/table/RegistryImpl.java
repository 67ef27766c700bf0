package io.heddle.internal.table;

import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.system.SystemImpl;
import io.heddle.ActorRef;
import io.heddle.Group;
import io.heddle.Name;
import io.heddle.NameTakenException;
import io.heddle.NotRegisteredException;
import io.heddle.Pid;
import io.heddle.Registry;
import io.heddle.ReplyTo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The {@link Registry} of one system: a front for the names in its {@link ActorTable}. */
public final class RegistryImpl implements Registry {

    private final SystemImpl system;
    private final ActorTable table;

    public RegistryImpl(SystemImpl system, ActorTable table) {
        this.system = system;
        this.table = table;
    }

    @Override
    public <M> void register(Name<M> name, ActorRef<M> ref) {
        Objects.requireNonNull(name, "name");
        ActorCell<?> cell = own(ref);
        ActorCell<?> holder = table.register(name.value(), cell);
        if (holder == cell) {
            throw new IllegalArgumentException("cannot register '" + name + "' for " + ref + ": the actor has stopped");
        }
        if (holder != null) {
            throw new NameTakenException(name.value(), holder.pid(), "cannot register '" + name + "' for " + ref
                    + ": the name is held by " + holder + ". Names are unique per system; unregister it first, or "
                    + "pick another name.");
        }
    }

    @Override
    public boolean unregister(Name<?> name) {
        return table.unregister(Objects.requireNonNull(name, "name").value());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <M> Optional<ActorRef<M>> whereis(Name<M> name) {
        ActorCell<?> cell = table.whereis(Objects.requireNonNull(name, "name").value());
        return cell != null && cell.isAlive() ? Optional.of((ActorRef<M>) cell) : Optional.empty();
    }

    @Override
    public <M> void cast(Name<M> name, M message) {
        resolve(name, "cast to").cast(message);
    }

    @Override
    public <M, R> R call(Name<M> name, Function<ReplyTo<R>, ? extends M> request) {
        return resolve(name, "call").call(request);
    }

    @Override
    public <M, R> R call(Name<M> name, Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        return resolve(name, "call").call(request, timeout);
    }

    @Override
    public Map<String, Pid> names() {
        Map<String, Pid> result = new TreeMap<>();
        table.names().forEach((name, cell) -> {
            if (cell.isAlive()) result.put(name, cell.pid());
        });
        return java.util.Collections.unmodifiableMap(result);
    }

    @Override
    public <M> void join(Group<M> group, ActorRef<M> ref) {
        Objects.requireNonNull(group, "group");
        ActorCell<?> cell = own(ref);
        if (!table.join(group.value(), cell)) {
            throw new IllegalArgumentException("cannot add " + ref + " to group '" + group + "': the actor has stopped");
        }
    }

    @Override
    public <M> boolean leave(Group<M> group, ActorRef<M> ref) {
        return table.leave(Objects.requireNonNull(group, "group").value(), own(ref));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <M> List<ActorRef<M>> members(Group<M> group) {
        List<ActorCell<?>> members = table.members(Objects.requireNonNull(group, "group").value());
        List<ActorRef<M>> live = new java.util.ArrayList<>(members.size());
        for (ActorCell<?> cell : members) {
            if (cell.isAlive()) live.add((ActorRef<M>) cell);
        }
        return java.util.Collections.unmodifiableList(live);
    }

    /** The members of {@code group} as the table holds them: a copy-on-write array, for routers. */
    public List<ActorCell<?>> memberCells(String group) {
        return table.members(group);
    }

    @Override
    public Map<String, List<Pid>> groups() {
        Map<String, List<Pid>> result = new TreeMap<>();
        table.groups().forEach((key, cells) -> {
            List<Pid> pids = cells.stream().filter(ActorCell::isAlive).map(ActorCell::pid).toList();
            if (!pids.isEmpty()) result.put(key, pids);
        });
        return java.util.Collections.unmodifiableMap(result);
    }

    private <M> ActorRef<M> resolve(Name<M> name, String operation) {
        return whereis(name).orElseThrow(() -> new NotRegisteredException(name.value(), "cannot " + operation + " '"
                + name + "' in actor system '" + system.name() + "': no live actor is registered under that name"
                + " (registered now: " + names().keySet() + ")"));
    }

    private ActorCell<?> own(ActorRef<?> ref) {
        Objects.requireNonNull(ref, "ref");
        ActorCell<?> cell = (ActorCell<?>) ref;
        if (cell.system() != system) {
            throw new IllegalArgumentException(ref + " belongs to " + cell.system() + ", not to " + system
                    + "; register it in its own system's registry");
        }
        return cell;
    }
}
