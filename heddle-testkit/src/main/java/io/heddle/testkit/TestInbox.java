package io.heddle.testkit;

import io.heddle.ActorRef;
import io.heddle.internal.cell.Inbox;
import java.util.List;
import java.util.Objects;

/**
 * A reference that keeps what is sent to it, for {@link BehaviorTestKit}: give its {@link #ref()} to the behavior under
 * test and check what arrived. Nothing runs, nothing waits.
 *
 * <p>Threading: any thread may send; take from one thread.
 *
 * @param <M> the type of messages it accepts
 */
public final class TestInbox<M> {

    private final Inbox<M> inbox;

    TestInbox(Inbox<M> inbox) {
        this.inbox = inbox;
    }

    /** Returns the reference to send to. */
    public ActorRef<M> ref() {
        return inbox.ref();
    }

    /** Takes the oldest message; fails if there is none. */
    public M receiveMessage() {
        M message = inbox.poll();
        if (message == null) throw new AssertionError("inbox " + ref() + " is empty");
        return message;
    }

    /** Takes the oldest message and checks it equals {@code expected}. */
    public M expectMessage(M expected) {
        M message = receiveMessage();
        if (!Objects.equals(expected, message)) {
            throw new AssertionError("inbox " + ref() + " expected " + expected + " but had " + message);
        }
        return message;
    }

    /** Takes every message, oldest first. */
    public List<M> receiveAll() {
        return inbox.drain();
    }

    /** Returns true if a message is waiting. */
    public boolean hasMessages() {
        return inbox.size() > 0;
    }

    @Override
    public String toString() {
        return "TestInbox" + ref();
    }
}
