package io.heddle.scheduling;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How one actor is scheduled: how many messages it handles per turn, how long a handler may run, whether handlers
 * may interleave, and whether read-only messages may run at the same time. Pass it with
 * {@link io.heddle.SpawnOptions#scheduling(Scheduling)}; start from {@link #defaults()}:
 *
 * {@snippet :
 * var scheduling = Scheduling.defaults()
 *         .throughput(1)
 *         .handlerTimeout(Duration.ofMillis(500), TimeoutAction.CANCEL)
 *         .reentrancy(Reentrancy.CALL_CHAIN);
 * var options = SpawnOptions.named("quotes").scheduling(scheduling);
 * }
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param throughput      messages handled per turn before the actor gives its worker to others; 0 (the default)
 *                        means the system's {@link io.heddle.ActorSystemConfig#throughput()}, itself 100 by default.
 *                        1 is the fairest; 1000 and more suits batch work.
 * @param handlerTimeout  how long one handler may run, or null (the default) for no limit
 * @param timeoutAction   what happens when a handler overruns its timeout; {@link TimeoutAction#WARN} by default
 * @param reentrancy      whether other messages may run while a handler waits; {@link Reentrancy#NONE} by default
 * @param readParallelism how many {@link ReadOnly} messages may be handled at the same time; 1 (the default) handles
 *                        them one at a time like any other
 * @param onSlowHandler   called on the actor's thread after a handler that overran its timeout has ended, or null
 */
public record Scheduling(int throughput, Duration handlerTimeout, TimeoutAction timeoutAction, Reentrancy reentrancy,
                         int readParallelism, Consumer<? super SlowHandler> onSlowHandler) {

    private static final Scheduling DEFAULTS = new Scheduling(0, null, TimeoutAction.WARN, Reentrancy.NONE, 1, null);

    /** Validates the components. */
    public Scheduling {
        if (throughput < 0) throw new IllegalArgumentException("throughput must be >= 1, or 0 for the system's, got "
                + throughput);
        if (handlerTimeout != null && (handlerTimeout.isNegative() || handlerTimeout.isZero())) {
            throw new IllegalArgumentException("handlerTimeout must be positive, got " + handlerTimeout);
        }
        Objects.requireNonNull(timeoutAction, "timeoutAction");
        Objects.requireNonNull(reentrancy, "reentrancy");
        if (readParallelism < 1) {
            throw new IllegalArgumentException("readParallelism must be >= 1, got " + readParallelism);
        }
    }

    /** Returns the defaults: the system's throughput, no handler timeout, no reentrancy, one read at a time. */
    public static Scheduling defaults() {
        return DEFAULTS;
    }

    /** Returns this configuration with another per-turn throughput (at least 1). */
    public Scheduling throughput(int messagesPerTurn) {
        if (messagesPerTurn < 1) {
            throw new IllegalArgumentException("throughput must be >= 1, got " + messagesPerTurn);
        }
        return new Scheduling(messagesPerTurn, handlerTimeout, timeoutAction, reentrancy, readParallelism,
                onSlowHandler);
    }

    /** Returns this configuration with a handler timeout and the action to take when a handler overruns it. */
    public Scheduling handlerTimeout(Duration timeout, TimeoutAction action) {
        return new Scheduling(throughput, Objects.requireNonNull(timeout, "timeout"), action, reentrancy,
                readParallelism, onSlowHandler);
    }

    /** Returns this configuration with another reentrancy mode. */
    public Scheduling reentrancy(Reentrancy mode) {
        return new Scheduling(throughput, handlerTimeout, timeoutAction, mode, readParallelism, onSlowHandler);
    }

    /** Returns this configuration allowing up to {@code parallelism} {@link ReadOnly} messages at the same time. */
    public Scheduling concurrentReads(int parallelism) {
        return new Scheduling(throughput, handlerTimeout, timeoutAction, reentrancy, parallelism, onSlowHandler);
    }

    /**
     * Returns this configuration with a hook called after each handler that overran the handler timeout. The hook runs
     * on the actor's thread, between messages, so it may touch the actor's state; an exception it throws is logged.
     */
    public Scheduling onSlowHandler(Consumer<? super SlowHandler> hook) {
        return new Scheduling(throughput, handlerTimeout, timeoutAction, reentrancy, readParallelism,
                Objects.requireNonNull(hook, "hook"));
    }

    /** Returns true if this is the default configuration in every respect. */
    public boolean isDefault() {
        return equals(DEFAULTS);
    }
}
