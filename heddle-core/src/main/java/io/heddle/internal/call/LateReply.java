package io.heddle.internal.call;

import io.heddle.ActorRef;
import io.heddle.DeadLetter;
import io.heddle.Pid;
import io.heddle.ReplyTo;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.dispatch.TurnRunner;
import io.heddle.internal.system.SystemImpl;
import java.util.Objects;

/**
 * An imported reply handle whose call no longer waits (answered, timed out, or not exported here): every answer goes
 * to dead letters as {@link DeadLetter.Reason#LATE_REPLY}, as a late answer through a live handle does.
 *
 * <p>The dead letter's recipient is the actor that answers (for a live handle it is the called actor, which usually
 * answers), or {@link #NO_ACTOR} for an answer from outside actors: the call's callee is not known here.
 *
 * <p>Thread-safe: immutable.
 */
public final class LateReply<R> implements ReplyTo<R> {

    /** The recipient of a late reply sent from outside actors: pid ids start at 1, so it names no actor. */
    public static final Pid NO_ACTOR = Pid.local(0);

    private final SystemImpl system;
    private final long callId;

    public LateReply(SystemImpl system, long callId) {
        this.system = Objects.requireNonNull(system, "system");
        this.callId = callId;
    }

    /** Returns the id of the call the handle named. */
    public long callId() {
        return callId;
    }

    @Override
    public boolean reply(R value) {
        deadLetter(value == null ? "null reply" : value);
        return false;
    }

    @Override
    public boolean fail(Throwable cause) {
        Objects.requireNonNull(cause, "cause");
        deadLetter(cause);
        return false;
    }

    @Override
    public boolean isDone() {
        return true;
    }

    private void deadLetter(Object answer) {
        ActorCell<?> answering = TurnRunner.currentCell();
        ActorRef<?> by = answering != null && answering.system() == system ? answering : null;
        system.deadLetter(by == null ? NO_ACTOR : by.pid(), by == null ? null : by.name().orElse(null), answer,
                DeadLetter.Reason.LATE_REPLY);
    }

    @Override
    public String toString() {
        return "ReplyTo[call " + callId + ", no longer waiting]";
    }
}
