package io.heddle.internal.call;

import io.heddle.CallDeadlockException;
import io.heddle.Pid;
import io.heddle.internal.cell.ActorCell;
import java.util.ArrayList;
import java.util.List;

/**
 * The graph of local actors blocked in calls: each actor's {@link CallState#awaiting} is an edge to the actor it waits
 * on. A blocking call from an actor follows the edges from its target; if they lead back to the caller, every actor on
 * the way waits for a reply only the next can send, and the call is refused with the cycle printed, before it is sent.
 * Call timeouts read the same edges to say what the target itself waits on.
 *
 * <p>Local only: the edges are pointers between cells of this JVM. A cycle through a remote actor is not seen; its
 * calls end by their timeouts.
 *
 * <p>Thread-safe: reads volatile edges without locks, so it sees a recent state; a cycle that forms at the same instant
 * on two threads can escape detection, never a false one (an edge is only followed while its call is pending).
 */
public final class WaitGraph {

    /** How far a cycle search follows the edges. */
    private static final int MAX_HOPS = 64;
    /** How far a timeout message follows them. */
    private static final int DESCRIBED_HOPS = 8;

    private WaitGraph() {}

    /**
     * Fails if {@code caller}, about to wait on {@code reply}, would close a cycle of waiting actors that no actor on
     * the way admits (see {@link ActorCell#admitsWhileWaiting}).
     *
     * @throws CallDeadlockException naming the cycle
     */
    public static void refuseCycle(ActorCell<?> caller, PendingReply<?> reply) {
        List<ActorCell<?>> cycle = findCycle(caller, reply);
        if (cycle == null) return;
        List<Pid> pids = new ArrayList<>(cycle.size());
        StringBuilder printed = new StringBuilder();
        for (ActorCell<?> cell : cycle) {
            pids.add(cell.pid());
            printed.append(printed.isEmpty() ? "" : " -> ").append(cell);
        }
        ActorCell<?> target = reply.target();
        String type = reply.requestType().getSimpleName();
        throw new CallDeadlockException(target.pid(), reply.requestType(), "call from " + caller + " to " + target
                + " with " + type + " not made: it would deadlock. The actors wait on each other in a cycle: "
                + printed + ". Each waits for a reply that only the next can send, and none can handle a message "
                + "while it waits. Reply without calling back (cast, or hand the reply on), use callAsync, or spawn "
                + "the actors with Reentrancy.CALL_CHAIN so that calls along one chain may enter.", pids);
    }

    /** Follows the edges from {@code first}'s target; returns the cycle back to {@code caller}, or null. */
    static List<ActorCell<?>> findCycle(ActorCell<?> caller, PendingReply<?> first) {
        PendingReply<?> edge = first;
        ArrayList<ActorCell<?>> path = null;
        for (int hops = 0; hops < MAX_HOPS; hops++) {
            ActorCell<?> next = edge.target();
            if (next.admitsWhileWaiting(edge)) return null;
            if (path == null) {
                path = new ArrayList<>(4);
                path.add(caller);
            }
            path.add(next);
            if (next == caller) return path;
            PendingReply<?> onward = awaiting(next);
            if (onward == null || onward.isDone()) return null;
            edge = onward;
        }
        return null;
    }

    /** The call {@code cell} is blocked in, or null. */
    public static PendingReply<?> awaiting(ActorCell<?> cell) {
        CallState x = cell.callsOrNull();
        return x == null ? null : x.awaiting;
    }

    /** Describes what {@code from} waits on, and onwards, for a timeout message; empty if it waits on no call. */
    public static String describeWaits(ActorCell<?> from, ActorCell<?> caller) {
        StringBuilder s = new StringBuilder();
        ActorCell<?> at = from;
        for (int hops = 0; hops < DESCRIBED_HOPS; hops++) {
            PendingReply<?> onward = awaiting(at);
            if (onward == null || onward.isDone()) break;
            ActorCell<?> next = onward.target();
            s.append(s.isEmpty() ? "" : ", which ").append(s.isEmpty() ? at + " is itself waiting" : "is waiting")
                    .append(" on a reply from ").append(next);
            if (next == caller) return s.append(": a cycle back to the caller (a deadlock the call could not see "
                    + "coming; " + "for example the last call was made with callAsync)").toString();
            at = next;
        }
        return s.toString();
    }
}
