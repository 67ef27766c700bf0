package io.heddle.observe.testing;

import io.heddle.Pid;
import io.heddle.scheduling.HandlerKind;
import io.heddle.spi.SchedulingMetrics;

/**
 * Scheduling metrics that log what the runtime reports. Added after the adapter under test (the runtime reports to
 * metrics in the order they were added), it hears of each report after the adapter has recorded it. A handler's
 * completion is reported after the observers' {@code afterHandler}, so waiting for it also waits for them. Thread-safe.
 */
public final class SchedulingProbe implements SchedulingMetrics {

    /** Something the scheduler reported. */
    public sealed interface Report {}

    /** A handler completed. */
    public record Completed(Pid actor, HandlerKind kind, Thread thread) implements Report {}

    /** A turn ended by the throughput with messages left. */
    public record Yielded(Pid actor) implements Report {}

    /** The watchdog's probe was handled after {@code nanos}. */
    public record Delayed(long nanos) implements Report {}

    private final EventLog<Report> log = new EventLog<>();

    @Override
    public void handlerCompleted(Pid actor, HandlerKind kind, Class<?> messageType, long nanos) {
        log.accept(new Completed(actor, kind, Thread.currentThread()));
    }

    @Override
    public void throughputYield(Pid actor) {
        log.accept(new Yielded(actor));
    }

    @Override
    public void schedulingDelay(long nanos) {
        log.accept(new Delayed(nanos));
    }

    /** Waits until {@code actor} has completed {@code count} handlers in all. */
    public void awaitCompleted(Pid actor, int count) throws InterruptedException {
        log.await(Completed.class, c -> c.actor().equals(actor) && completed(actor) >= count,
                count + " completed handlers of " + actor);
    }

    /** Waits for a handler of {@code actor} to complete; returns the report. */
    public Completed awaitCompleted(Pid actor) throws InterruptedException {
        return log.await(Completed.class, c -> c.actor().equals(actor), "a completed handler of " + actor);
    }

    /** Waits until {@code actor} has yielded once. */
    public void awaitYield(Pid actor) throws InterruptedException {
        log.await(Yielded.class, y -> y.actor().equals(actor), "a throughput yield of " + actor);
    }

    /** Waits for a scheduling delay reported after {@code after} of them. */
    public Delayed awaitDelay(long after) throws InterruptedException {
        return log.await(Delayed.class, d -> delays() > after, "scheduling delay #" + (after + 1));
    }

    /** Returns how many handlers of {@code actor} have completed. */
    public long completed(Pid actor) {
        return log.count(Completed.class, c -> c.actor().equals(actor));
    }

    /** Returns how many scheduling delays were reported. */
    public long delays() {
        return log.count(Delayed.class, d -> true);
    }
}
