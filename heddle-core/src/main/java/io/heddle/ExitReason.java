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
 * };
 * }
 *
 * <p>{@link Normal} and {@link Shutdown} are clean exits; {@link Killed} and {@link Error} are abnormal (see
 * {@link #isAbnormal()}). Thread-safe: immutable values.
 */
public sealed interface ExitReason {

    /** The actor finished on its own: it returned {@link Behaviors#stopped()} or called {@link ActorContext#stop()}. */
    ExitReason NORMAL = new Normal();
    /** The actor was asked to stop by someone else: {@link ActorRef#stop()}, its parent, or the system shutting down. */
    ExitReason SHUTDOWN = new Shutdown();
    /** The actor was killed: {@link ActorRef#kill()}, or a graceful stop that ran out of time. */
    ExitReason KILLED = new Killed();

    /** Returns the reason for an actor that failed with {@code cause}. */
    static ExitReason error(Throwable cause) {
        return new Error(cause);
    }

    /** Returns true for {@link Killed} and {@link Error}: exits a supervisor treats as failures. */
    default boolean isAbnormal() {
        return this instanceof Killed || this instanceof Error;
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
}
