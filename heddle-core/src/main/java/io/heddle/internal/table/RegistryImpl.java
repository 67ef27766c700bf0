package io.heddle.internal.table;

import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.system.SystemImpl;
import io.heddle.internal.dispatch.Waits;
import io.heddle.internal.time.Nanos;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.ActorRef;
import io.heddle.ActorStoppedException;
import io.heddle.DeadLetter;
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
import java.util.concurrent.CompletableFuture;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@link Registry} of one system: a front for the names in its {@link ActorTable}. A call by name waits for a live
 * registration and sends a request no handler had to the successor of an actor that stopped; a cast to a name nobody
 * holds is a dead letter.
 */
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
        Objects.requireNonNull(name, "name");
        if (message == null) {
            throw new NullPointerException("message must not be null (cast to '" + name + "' in actor system '"
                    + system.name() + "'); send a record, for example an empty one, to signal an event without data");
        }
        Optional<ActorRef<M>> ref = whereis(name);
        if (ref.isPresent()) {
            ref.get().cast(message);
        } else {
            system.deadLetterOffice().publish(Pid.NOBODY, name.value(), message, DeadLetter.Reason.NOT_REGISTERED);
        }
    }

    @Override
    public <M, R> R call(Name<M> name, Function<ReplyTo<R>, ? extends M> request) {
        return call(name, request, system.config().callTimeout());
    }

    @Override
    public <M, R> R call(Name<M> name, Function<ReplyTo<R>, ? extends M> request, Duration timeout) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("call timeout must be positive, got " + timeout + " (call to '" + name
                    + "')");
        }
        RuntimeClock clock = system.clock();
        long start = clock.nanoTime();
        long deadline = Nanos.saturatedAdd(start, timeout.toNanos());
        ActorCell<?> stopped = null;
        while (true) {
            ActorCell<?> cell = awaitLive(name, deadline, start, stopped);
            @SuppressWarnings("unchecked")
            ActorRef<M> ref = (ActorRef<M>) cell;
            try {
                return ref.call(request, Duration.ofNanos(Math.max(1, deadline - clock.nanoTime())));
            } catch (ActorStoppedException e) {
                // No handler had the request: the successor gets it, as a restart that kept the mailbox would.
                if (e.requestHandled() || deadline - clock.nanoTime() <= 0) throw e;
                stopped = cell;
            }
        }
    }

    /**
     * Returns the live actor under {@code name} other than {@code not}, waiting until {@code deadline} for one to be
     * registered (while a supervisor restarts it, say).
     *
     * @throws NotRegisteredException if none is by then
     */
    private ActorCell<?> awaitLive(Name<?> name, long deadline, long start, ActorCell<?> not) {
        RuntimeClock clock = system.clock();
        while (true) {
            CompletableFuture<?> registration = table.nextRegistration(name.value()); // before the lookup: no miss
            ActorCell<?> cell = table.whereis(name.value());
            boolean live = cell != null && cell.isAlive();
            if (live && cell != not) return cell;
            long remaining = deadline - clock.nanoTime();
            if (remaining <= 0) {
                throw new NotRegisteredException(name.value(), "cannot call '" + name + "' in actor system '"
                        + system.name() + "': no live actor was registered under that name within "
                        + Duration.ofNanos(clock.nanoTime() - start).toMillis() + " ms (registered now: "
                        + names().keySet() + "). Register the actor, or give it a supervisor spec with registerAs.");
            }
            CompletableFuture<?> wake = live ? CompletableFuture.anyOf(registration, cell.termination()) : registration;
            Waits.await(wake, remaining, clock);
        }
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
