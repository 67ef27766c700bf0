package io.heddle;

import java.lang.ref.WeakReference;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to an actor that does not keep it reachable: once the actor has stopped and nothing else refers to it,
 * its memory can be reclaimed. Use it in caches, observers and registries that must not hold actors alive.
 *
 * {@snippet :
 * WeakActorRef<Event> listener = ref.weak();
 * listener.get().ifPresent(l -> l.cast(event));
 * }
 *
 * <p>Thread-safe.
 *
 * @param <M> the type of messages the actor accepts
 */
public final class WeakActorRef<M> {

    private final Pid pid;
    private final WeakReference<ActorRef<M>> target;

    /** Creates a weak reference to {@code ref}. */
    public WeakActorRef(ActorRef<M> ref) {
        this.pid = Objects.requireNonNull(ref, "ref").pid();
        this.target = new WeakReference<>(ref);
    }

    /** Returns the pid, which stays known after the actor is gone. */
    public Pid pid() {
        return pid;
    }

    /** Returns a strong reference while the actor is alive; empty once it has stopped or been reclaimed. */
    public Optional<ActorRef<M>> get() {
        ActorRef<M> ref = target.get();
        return ref != null && ref.isAlive() ? Optional.of(ref) : Optional.empty();
    }

    /**
     * Sends without waiting, like {@link ActorRef#tryCast(Object)}; if the actor is gone the message comes back in
     * {@link SendResult.Dead}.
     */
    public SendResult<M> tryCast(M message) {
        Objects.requireNonNull(message, "message");
        ActorRef<M> ref = target.get();
        return ref == null ? new SendResult.Dead<>(message) : ref.tryCast(message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeakActorRef<?> other && other.pid.equals(pid);
    }

    @Override
    public int hashCode() {
        return pid.hashCode();
    }

    @Override
    public String toString() {
        return "WeakActorRef" + pid;
    }
}
