package io.heddle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity of one actor incarnation: the node it lives on and an id unique there.
 *
 * <p>A pid prints the way Erlang prints one, {@code <node.number.serial>}: {@code node} is 0 for the local node and
 * otherwise the index under which this node knows a remote node; {@code number} is the low 15 bits of the id and
 * {@code serial} the rest, so the first 32,767 actors print as {@code <0.42.0>}. {@link #parse} reads that form back.
 * A restarted actor is a new incarnation with a new pid: pids are never reused.
 *
 * <p>Node indexes are local to a node: each node maps its indexes to node identities (a name and an incarnation that
 * changes on every start), so a pid of a node that restarted never aliases a pid of its new incarnation. Two pids are
 * equal when node and id are equal; pids order by node, then id, so a sorted list of local pids lists actors in the
 * order they were spawned.
 *
 * <p>Thread-safe: a pid is an immutable value.
 *
 * @param node the node index: 0 for this node
 * @param id   unique among the actors of every {@link ActorSystem} of its node, assigned in spawn order
 */
public record Pid(int node, long id) implements Comparable<Pid> {

    /** The node index of the local node. */
    public static final int LOCAL_NODE = 0;

    /**
     * No actor: {@code <0.0.0>}, which no actor is given. A dead letter sent to a name no actor held has it as its
     * recipient ({@link DeadLetter.Reason#NOT_REGISTERED}).
     */
    public static final Pid NOBODY = new Pid(LOCAL_NODE, 0);

    private static final int NUMBER_BITS = 15;
    private static final long NUMBER_MASK = (1L << NUMBER_BITS) - 1;
    private static final Pattern FORM = Pattern.compile("<?(\\d{1,9})\\.(\\d{1,5})\\.(\\d{1,15})>?");

    /** Validates the components. */
    public Pid {
        if (node < 0) throw new IllegalArgumentException("pid node must be >= 0, got " + node);
        if (id < 0) throw new IllegalArgumentException("pid id must be >= 0, got " + id);
    }

    /** Returns the pid {@code id} of the local node. */
    public static Pid local(long id) {
        return new Pid(LOCAL_NODE, id);
    }

    /** Returns true if this pid names an actor of the local node. */
    public boolean isLocal() {
        return node == LOCAL_NODE;
    }

    /**
     * Reads a pid as {@link #toString()} prints it, {@code <0.42.0>}, or without the angle brackets, {@code 0.42.0}
     * (handier in a URL).
     *
     * @throws IllegalArgumentException naming the expected form, if {@code text} is not a pid
     */
    public static Pid parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches() || text.startsWith("<") != text.endsWith(">")) {
            throw new IllegalArgumentException("'" + text + "' is not a pid: write it as Heddle prints it, <0.42.0>,"
                    + " or without the angle brackets, 0.42.0");
        }
        long number = Long.parseLong(m.group(2));
        long serial = Long.parseLong(m.group(3));
        if (number > NUMBER_MASK) {
            throw new IllegalArgumentException("'" + text + "' is not a pid: its middle number is at most "
                    + NUMBER_MASK + " (larger ids carry into the last number, as in Erlang)");
        }
        if (serial > (Long.MAX_VALUE >>> NUMBER_BITS)) {
            throw new IllegalArgumentException("'" + text + "' is not a pid: its numbers are too large");
        }
        return new Pid(Integer.parseInt(m.group(1)), (serial << NUMBER_BITS) | number);
    }

    @Override
    public int compareTo(Pid other) {
        int byNode = Integer.compare(node, other.node);
        return byNode != 0 ? byNode : Long.compare(id, other.id);
    }

    /** Returns the Erlang form, for example {@code <0.42.0>}. */
    @Override
    public String toString() {
        return "<" + node + "." + (id & NUMBER_MASK) + "." + (id >>> NUMBER_BITS) + ">";
    }
}
