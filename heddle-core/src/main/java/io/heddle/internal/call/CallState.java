package io.heddle.internal.call;

import java.util.ArrayList;

/**
 * An actor's side of calls, allocated on its first call or deferred reply: the call its handler is blocked in, and the
 * calls it received and has not answered yet.
 */
public final class CallState {

    /**
     * The call this actor's handler is blocked in, or null: written by the actor's thread, read by callers looking for
     * a cycle of waiting actors ({@link WaitGraph}).
     */
    public volatile PendingReply<?> awaiting;
    /** Calls taken by a handler and left unanswered when it returned. Actor thread only. */
    public ArrayList<PendingReply<?>> deferredReplies;

    /** Remembers a call the handler left for later, so that termination can fail it. Actor thread only. */
    public void deferReply(PendingReply<?> reply) {
        if (deferredReplies == null) deferredReplies = new ArrayList<>();
        deferredReplies.add(reply);
    }

    /** Forgets answered and abandoned calls, so a timed-out call is garbage by the end of the turn. Actor thread only. */
    public void pruneDeferredReplies() {
        if (deferredReplies == null) return;
        deferredReplies.removeIf(PendingReply::isDone);
        if (deferredReplies.isEmpty()) deferredReplies = null;
    }
}
