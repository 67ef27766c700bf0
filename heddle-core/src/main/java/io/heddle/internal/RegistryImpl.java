package io.heddle.internal;

import io.heddle.ActorRef;
import io.heddle.Name;
import io.heddle.NameTakenException;
import io.heddle.NotRegisteredException;
import io.heddle.Pid;
import io.heddle.Registry;
import io.heddle.ReplyTo;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The {@link Registry} of one system: a front for the names in its {@link ActorTable}. */
public final class RegistryImpl implements Registry {

    private final SystemImpl system;
    private final ActorTable table;

    RegistryImpl(SystemImpl system, ActorTable table) {
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
