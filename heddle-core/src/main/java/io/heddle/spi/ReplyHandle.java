package io.heddle.spi;

import io.heddle.Pid;

/**
 * The wire form of a {@link io.heddle.ReplyTo}: what a {@link MessageCodec} writes for a reply handle in a request,
 * and reads back into a handle with {@link CodecContext#importReply}. It names the call; the call's waiting state (the
 * caller parked on it, its timeout) stays on the caller's node, so the handle is three numbers.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param node           the node index of the caller's node, as in {@link Pid#node()}: {@link Pid#LOCAL_NODE} for
 *                       this node
 * @param callId         the id of the call on the caller's node, assigned when the handle was first exported and
 *                       never reused there; positive
 * @param remainingNanos how long the caller still waits: its deadline minus its clock's now at the moment of export,
 *                       so the clocks of the two nodes need not agree (a receiver adds it to its own clock's now).
 *                       0 or less means the caller no longer waits (it gave up, or the call was already answered):
 *                       an answer will go to dead letters. {@link Long#MAX_VALUE} means the call has no deadline
 */
public record ReplyHandle(int node, long callId, long remainingNanos) {

    /** Validates the components. */
    public ReplyHandle {
        if (node < 0) throw new IllegalArgumentException("reply handle node must be >= 0, got " + node);
        if (callId <= 0) throw new IllegalArgumentException("reply handle call id must be > 0, got " + callId);
    }

    /** Returns true if the caller was still waiting when the handle was exported. */
    public boolean callerWaits() {
        return remainingNanos > 0;
    }
}
