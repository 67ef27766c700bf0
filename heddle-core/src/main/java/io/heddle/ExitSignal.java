package io.heddle;

import java.util.Objects;

/**
 * An exit signal from a linked actor, as a trapping actor receives it: Erlang's {@code 'EXIT'} message. An actor that
 * does not trap exits never sees one: an abnormal exit of a linked actor stops it too, with
 * {@link ExitReason.Linked}, and a normal one is ignored. An actor that calls {@link ActorContext#trapExits} receives
 * every exit of a linked actor, normal or not, turned into one of its own messages:
 *
 * {@snippet :
 * record WorkerExited(ExitSignal signal) implements ManagerMsg {}
 * ctx.trapExits(WorkerExited::new);
 * ctx.link(worker);
 * }
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param from   the linked actor that exited
 * @param reason why it exited; {@link ExitReason#NOPROC} if it had stopped before the link was made
 */
public record ExitSignal(ActorRef<?> from, ExitReason reason) {

    /** Rejects null components. */
    public ExitSignal {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(reason, "reason");
    }

    /** Returns the pid of the actor that exited. */
    public Pid pid() {
        return from.pid();
    }
}
