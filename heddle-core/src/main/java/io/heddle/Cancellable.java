package io.heddle;

/**
 * A scheduled action that can be cancelled, such as a timer from {@link ActorContext#sendAfter}.
 *
 * <p>Thread-safe.
 */
public interface Cancellable {

    /**
     * Cancels the action if it has not run yet; cancelling twice is harmless.
     *
     * @return true if this call cancelled it
     */
    boolean cancel();

    /** Returns true once cancelled. */
    boolean isCancelled();
}
