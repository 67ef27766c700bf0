package io.heddle.spi;

import io.heddle.Pid;
import io.heddle.scheduling.HandlerKind;
import io.heddle.scheduling.TimeoutAction;

/**
 * Numbers the scheduler reports, for a metrics backend to record (the observability modules implement it for
 * Micrometer and OpenTelemetry). Every method does nothing by default; {@link #NONE} is the default of a system, and
 * with it the runtime does not even read the clock around handlers.
 *
 * <p>Threading: methods are called on the threads that run actors, often concurrently, and on the hot path: record
 * into lock-free structures and return at once. An exception thrown here is not caught.
 */
public interface SchedulingMetrics {

    /** Records nothing. */
    SchedulingMetrics NONE = new SchedulingMetrics() {};

    /** Returns metrics that report to each of {@code metrics} in turn ({@link #NONE}s are left out). */
    static SchedulingMetrics all(SchedulingMetrics... metrics) {
        java.util.List<SchedulingMetrics> real = java.util.Arrays.stream(metrics)
                .map(m -> java.util.Objects.requireNonNull(m, "metrics")).filter(m -> m != NONE).toList();
        if (real.isEmpty()) return NONE;
        if (real.size() == 1) return real.getFirst();
        return new SchedulingMetrics() {
            @Override
            public void handlerCompleted(Pid actor, HandlerKind kind, Class<?> messageType, long nanos) {
                for (SchedulingMetrics m : real) m.handlerCompleted(actor, kind, messageType, nanos);
            }

            @Override
            public void handlerTimedOut(Pid actor, HandlerKind kind, Class<?> messageType, TimeoutAction action) {
                for (SchedulingMetrics m : real) m.handlerTimedOut(actor, kind, messageType, action);
            }

            @Override
            public void queueDepth(Pid actor, int depth) {
                for (SchedulingMetrics m : real) m.queueDepth(actor, depth);
            }

            @Override
            public void schedulingDelay(long nanos) {
                for (SchedulingMetrics m : real) m.schedulingDelay(nanos);
            }

            @Override
            public void throughputYield(Pid actor) {
                for (SchedulingMetrics m : real) m.throughputYield(actor);
            }
        };
    }

    /**
     * A handler ended (returned, threw, or was cancelled) after running {@code nanos}; for a handler that waited under
     * reentrancy, the time includes the wait.
     */
    default void handlerCompleted(Pid actor, HandlerKind kind, Class<?> messageType, long nanos) {}

    /** A handler overran its timeout and {@code action} was taken. */
    default void handlerTimedOut(Pid actor, HandlerKind kind, Class<?> messageType, TimeoutAction action) {}

    /** An actor's queue held {@code depth} messages when its turn began. */
    default void queueDepth(Pid actor, int depth) {}

    /** The watchdog's probe waited {@code nanos} to be handled: how late ready work runs. */
    default void schedulingDelay(long nanos) {}

    /** An actor used up its throughput and gave its worker to others with messages still queued. */
    default void throughputYield(Pid actor) {}
}
