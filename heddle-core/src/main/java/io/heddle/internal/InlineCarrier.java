package io.heddle.internal;

/**
 * The carrier of a turn run on a thread that is not Heddle's: a client thread calling an idle actor, or a thread
 * stopping one (see {@link ActorCell}'s caller-runs). Bound for the length of one turn, it tells the runtime which
 * actor is running there; whatever carrier the thread had before is restored after. A wait inside such a turn is
 * announced to that previous carrier (a dispatcher worker stopping its children, say), which hands its place over as
 * for any wait; on a client's thread there is nothing to hand over.
 */
final class InlineCarrier extends Carrier {

    private final Carrier previous;

    InlineCarrier(ActorCell<?> cell) {
        this.previous = Carrier.current();
        this.running = cell;
        bindToCurrentThread();
    }

    /** Unbinds, restoring the thread's previous carrier. */
    void release() {
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
