package io.heddle;

import java.util.Objects;

/**
 * The notice a monitoring actor gets when the actor it monitors stops: Erlang's {@code 'DOWN'} message. It arrives
 * through the control lane (never dropped, ahead of queued user messages), turned into one of the watcher's own
 * messages by the adapter given to {@link ActorContext#monitor}:
 *
 * {@snippet :
 * record WorkerDown(Down down) implements ManagerMsg {}
 * ctx.monitor(worker, WorkerDown::new);
 * // later, in the handler:
 * case WorkerDown(Down(MonitorRef m, ActorRef<?> who, ExitReason reason)) -> log(who + " stopped: " + reason);
 * }
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param monitor the monitor this notice ends, as returned by {@link ActorContext#monitor}
 * @param actor   the actor that stopped
 * @param reason  why it stopped; {@link ExitReason#NOPROC} if it had stopped before it was monitored
 */
public record Down(MonitorRef monitor, ActorRef<?> actor, ExitReason reason) {

    /** Rejects null components. */
    public Down {
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }

    /** Returns the pid of the actor that stopped. */
    public Pid pid() {
        return actor.pid();
    }
}
