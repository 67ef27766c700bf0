package io.heddle.internal.call;

import io.heddle.Pid;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.spi.ReplyHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A system's calls whose reply handles a codec exported, by call id: how an answer through an imported
 * {@link ReplyHandle} finds its caller.
 *
 * <p>No leaks: a call enters on its first export and leaves when it is settled or abandoned ({@link PendingReply}
 * removes itself), and an export that loses the race with settling removes the entry it just made. So the table holds
 * exactly the exported calls whose callers still wait.
 *
 * <p>Call ids come from one JVM-wide counter, so a handle exported by one system and imported by another of the same
 * JVM (both node 0) finds nothing rather than someone else's call.
 *
 * <p>Thread-safe and lock-free.
 */
public final class ExportedCalls {

    private static final AtomicLong CALL_IDS = new AtomicLong();

    private final ConcurrentHashMap<Long, PendingReply<?>> calls = new ConcurrentHashMap<>();

    /** Exports {@code reply}, whose deadline is on {@code clock}, and returns its handle. */
    public ReplyHandle export(PendingReply<?> reply, RuntimeClock clock) {
        if (reply.requestType() == Object.class && !reply.isDone()) {
            throw new IllegalStateException("the reply handle of a call to " + reply.target() + " was exported while "
                    + "the request was being built: export it from the request the actor received (the call has no "
                    + "deadline until its request is sent)");
        }
        long id = reply.bindExport(this, CALL_IDS.incrementAndGet());
        calls.put(id, reply);
        if (reply.isDone()) { // settled or abandoned meanwhile: it may not have seen the entry, so remove it here
            calls.remove(id, reply);
            return new ReplyHandle(Pid.LOCAL_NODE, id, 0);
        }
        long deadline = reply.callDeadline;
        long remaining = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - clock.nanoTime();
        return new ReplyHandle(Pid.LOCAL_NODE, id, Math.max(0, remaining));
    }

    /** Returns the exported call {@code callId}, or null if it is not (or no longer) waiting. */
    public PendingReply<?> find(long callId) {
        return calls.get(callId);
    }

    /** Called by a call that is settled or abandoned. */
    void remove(long callId, PendingReply<?> reply) {
        calls.remove(callId, reply);
    }

    /** Returns the number of exported calls whose callers still wait; for tests and inspection. */
    public int size() {
        return calls.size();
    }
}
