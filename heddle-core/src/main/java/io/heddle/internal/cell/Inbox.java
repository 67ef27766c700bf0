package io.heddle.internal.cell;

import io.heddle.internal.dispatch.TurnScheduler;
import io.heddle.internal.mailbox.Envelope;
import io.heddle.internal.mailbox.MailboxQueue;
import io.heddle.internal.system.SystemImpl;
import io.heddle.ActorRef;
import io.heddle.Behaviors;
import io.heddle.Mailbox;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference whose messages are kept, never handled: an actor cell that no thread ever runs. For the test kit's
 * inboxes. Any thread may send to it; one thread at a time may take from it.
 *
 * @param <M> the type of messages it accepts
 */
public final class Inbox<M> {

    private static final TurnScheduler NEVER = new TurnScheduler() {
        @Override
        public void schedule(ActorCell<?> cell) {}

        @Override
        public void yieldTurn(ActorCell<?> cell) {}
    };

    private final ActorCell<M> cell;
    private final MailboxQueue queue;

    private Inbox(ActorCell<M> cell, MailboxQueue queue) {
        this.cell = cell;
        this.queue = queue;
    }

    /** Creates an inbox in {@code system}, named {@code name}; it is in no tree and never runs. */
    public static <M> Inbox<M> create(SystemImpl system, String name) {
        MailboxQueue queue = MailboxQueue.create(Mailbox.unbounded());
        ActorCell<M> cell = new ActorCell<>(system, system.nextPid(), name, null, queue, (c, m) -> Behaviors.same());
        cell.setScheduler(NEVER);
        return new Inbox<>(cell, queue);
    }

    /** Returns the reference to send to. */
    public ActorRef<M> ref() {
        return cell;
    }

    /** Takes the oldest message, or returns null. */
    @SuppressWarnings("unchecked")
    public M poll() {
        Envelope e = queue.poll();
        return e == null ? null : (M) e.message;
    }

    /** Takes every message, oldest first. */
    public List<M> drain() {
        List<M> all = new ArrayList<>();
        M m;
        while ((m = poll()) != null) all.add(m);
        return all;
    }

    /** Returns the number of messages kept. */
    public int size() {
        return queue.size();
    }
}
