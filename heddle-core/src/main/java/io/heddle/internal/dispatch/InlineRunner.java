package io.heddle.internal.dispatch;

import io.heddle.internal.cell.ActorCell;

/**
 * The carrier of a turn run on a thread that is not Heddle's: a client thread calling an idle actor, or a thread
 * stopping one (see {@link ActorCell}'s caller-runs). Bound for the length of one turn, it tells the runtime which
 * actor is running there; whatever carrier the thread had before is restored after. A wait inside such a turn is
 * announced to that previous carrier (a dispatcher worker stopping its children, say), which hands its place over as
 * for any wait; on a client's thread there is nothing to hand over.
 */
public final class InlineRunner extends TurnRunner {

    private final TurnRunner previous;

    public InlineRunner(ActorCell<?> cell) {
        this.previous = TurnRunner.current();
        this.running = cell;
        bindToCurrentThread();
    }

    /** Unbinds, restoring the thread's previous carrier. */
    public void release() {
        running = null;
        if (previous != null) previous.bindToCurrentThread();
        else unbindFromCurrentThread();
    }

    @Override
    boolean enterBlocking() {
        return previous != null && previous.enterBlocking();
    }

    @Override
    void exitBlocking() {
        previous.exitBlocking();
    }
}
