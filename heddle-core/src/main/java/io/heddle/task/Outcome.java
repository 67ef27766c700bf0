package io.heddle.task;

import java.util.Objects;

/**
 * How one {@link Task} ended: with a value, a failure, or cancelled. Handle it with a pattern {@code switch}:
 *
 * {@snippet :
 * String text = switch (outcome) {
 *     case Outcome.Success<String>(Task<String> t, String value) -> t.pid() + " gave " + value;
 *     case Outcome.Failure<String>(Task<String> t, Throwable cause) -> t.pid() + " failed: " + cause;
 *     case Outcome.Cancelled<String>(Task<String> t, String reason) -> t.pid() + " was cancelled: " + reason;
 * };
 * }
 *
 * <p>Thread-safe: immutable values.
 *
 * @param <T> the task's result type
 */
public sealed interface Outcome<T> {

    /** Returns the task. */
    Task<T> task();

    /**
     * The task returned {@code value}.
     *
     * @param task  the task
     * @param value what it returned (may be null)
     */
    record Success<T>(Task<T> task, T value) implements Outcome<T> {}

    /**
     * The task threw {@code cause}.
     *
     * @param task  the task
     * @param cause what it threw
     */
    record Failure<T>(Task<T> task, Throwable cause) implements Outcome<T> {
        /** Rejects a null cause. */
        public Failure {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * The task was cancelled before it finished.
     *
     * @param task   the task
     * @param reason why
     */
    record Cancelled<T>(Task<T> task, String reason) implements Outcome<T> {}
}
