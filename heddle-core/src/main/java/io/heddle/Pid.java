package io.heddle;

/**
 * The identity of one actor incarnation: an id unique within this JVM and a generation.
 *
 * <p>A pid prints the way Erlang prints one, {@code <0.42.1>}: node (0 is the local node), id, generation. Two pids
 * are equal when id and generation are equal; pids order by id, then generation, so a sorted list of pids lists actors
 * in the order they were spawned.
 *
 * <p>Thread-safe: a pid is an immutable value.
 *
 * @param id         unique among the actors of every {@link ActorSystem} in this JVM, assigned in spawn order
 * @param generation the incarnation; 0 for a freshly spawned actor
 */
public record Pid(long id, int generation) implements Comparable<Pid> {

    /** Validates the components. */
    public Pid {
        if (id < 0) throw new IllegalArgumentException("pid id must be >= 0, got " + id);
        if (generation < 0) throw new IllegalArgumentException("pid generation must be >= 0, got " + generation);
    }

    @Override
    public int compareTo(Pid other) {
        int byId = Long.compare(id, other.id);
        return byId != 0 ? byId : Integer.compare(generation, other.generation);
    }

    /** Returns the Erlang form, for example {@code <0.42.1>}. */
    @Override
    public String toString() {
        return "<0." + id + "." + generation + ">";
    }
}
