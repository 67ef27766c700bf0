package io.heddle.internal.supervision;

import io.heddle.ActorRef;
import io.heddle.ExitSignal;
import io.heddle.ReplyTo;
import io.heddle.supervision.ChildInfo;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.SupervisorCommand;
import java.util.List;

/** The commands a {@link SupervisorActor} handles; the public handles build them. */
public sealed interface SupervisorRequest extends SupervisorCommand {

    /** OTP's which_children. */
    record WhichChildren(ReplyTo<List<ChildInfo>> replyTo) implements SupervisorRequest {}

    /** Adds and starts a child. */
    record StartChild(ChildSpec<?> spec, ReplyTo<ActorRef<?>> replyTo) implements SupervisorRequest {}

    /** Stops a child, found by id (static supervisors) or by reference (dynamic ones). */
    record TerminateChild(String id, ActorRef<?> actor, ReplyTo<Boolean> replyTo) implements SupervisorRequest {}

    /** Starts a stopped child again. */
    record RestartChild(String id, ReplyTo<ActorRef<?>> replyTo) implements SupervisorRequest {}

    /** Forgets a stopped child. */
    record DeleteChild(String id, ReplyTo<Boolean> replyTo) implements SupervisorRequest {}

    /** A linked actor (a child, or the supervisor's parent) exited: the supervisor traps exits into these. */
    record ChildExited(ExitSignal signal) implements SupervisorRequest {}

    /** A restart backoff has passed for the children scheduled under {@code token}. */
    record RestartDue(long token) implements SupervisorRequest {}
}
