package io.heddle;

import java.util.Objects;

/**
 * Why an actor stopped. Handle it with a pattern {@code switch}:
 *
 * {@snippet :
 * String text = switch (reason) {
 *     case ExitReason.Normal n -> "finished";
 *     case ExitReason.Shutdown s -> "asked to stop";
 *     case ExitReason.Killed k -> "killed";
 *     case ExitReason.Error(Throwable cause) -> "crashed: " + cause;
 *     case ExitReason.Linked(Pid from, ExitReason cause) -> "linked to " + from + ", which exited: " + cause;
 *     case ExitReason.NoProc p -> "was not alive";
 * };
 * }
 *
 * <p>{@link Normal} and {@link Shutdown} are clean exits; the others are abnormal (see {@link #isAbnormal()}): a
 * supervisor restarts a transient child only after an abnormal exit, and an abnormal exit travels along links.
 * Thread-safe: immutable values.
 */
public sealed interface ExitReason {

    /** The actor finished on its own: it returned {@link Behaviors#stopped()} or called {@link ActorContext#stop()}. */
    ExitReason NORMAL = new Normal();
    /** The actor was asked to stop by someone else: {@link ActorRef#stop()}, its parent, or the system shutting down. */
    ExitReason SHUTDOWN = new Shutdown();
    /** The actor was killed: {@link ActorRef#kill()}, or a graceful stop that ran out of time. */
    ExitReason KILLED = new Killed();
    /**
     * The actor was not alive: the reason in the notice a watcher gets when it links to or monitors an actor that has
     * already stopped, as Erlang's {@code noproc}.
     */
    ExitReason NOPROC = new NoProc();

    /** Returns the reason for an actor that failed with {@code cause}. */
    static ExitReason error(Throwable cause) {
        return new Error(cause);
    }

    /** Returns the reason for an actor that exits because {@code from}, linked to it, exited with {@code reason}. */
    static ExitReason linked(Pid from, ExitReason reason) {
        return new Linked(from, reason);
    }

    /**
     * Returns true for every reason but {@link Normal} and {@link Shutdown}: the exits a supervisor treats as failures
     * and that links propagate.
     */
    default boolean isAbnormal() {
        return !(this instanceof Normal || this instanceof Shutdown);
    }

    /** A normal exit. Use {@link #NORMAL}. */
    record Normal() implements ExitReason {
        @Override
        public String toString() {
            return "normal";
        }
    }

    /** An exit requested from outside. Use {@link #SHUTDOWN}. */
    record Shutdown() implements ExitReason {
        @Override
        public String toString() {
            return "shutdown";
        }
    }

    /** A forced exit; the actor's terminate hooks did not run. Use {@link #KILLED}. */
    record Killed() implements ExitReason {
        @Override
        public String toString() {
            return "killed";
        }
    }

    /**
     * A failure: a handler or the init hook threw {@code cause}.
     *
     * @param cause what was thrown
     */
    record Error(Throwable cause) implements ExitReason {
        /** Rejects a null cause. */
        public Error {
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public String toString() {
            return "error: " + cause;
        }
    }

    /**
     * The actor exited because an actor linked to it exited abnormally and it was not trapping exits.
     *
     * @param from   the pid of the linked actor that exited first
     * @param reason why that actor exited
     */
    record Linked(Pid from, ExitReason reason) implements ExitReason {
        /** Rejects null components. */
        public Linked {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "linked to " + from + ", which exited: " + reason;
        }
    }

    /** The actor was not alive when linked or monitored. Use {@link #NOPROC}. */
    record NoProc() implements ExitReason {
        @Override
        public String toString() {
            return "noproc";
        }
    }
}
