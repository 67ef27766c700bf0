package io.heddle.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;

/**
 * The progress of one run of a workload: a counter and a latch. The counter is a plain field: in every workload only
 * one thread at a time touches it, and control passes between threads by a message, which the framework must order
 * (happens-before). A framework that broke that order would show up as a wrong count. For actors that finish
 * concurrently, use {@link Tally}.
 */
public final class Run {

    private final long expected;
    private final CountDownLatch done = new CountDownLatch(1);
    private long count;

    /** A run that expects {@code expected} events. */
    public Run(long expected) {
        this.expected = expected;
    }

    /** Counts one event; {@code last} ends the run. */
    public void hit(boolean last) {
        count++;
        if (last) done.countDown();
    }

    /** Counts one event and ends the run when the count reaches the expected one. */
    public void hit() {
        if (++count == expected) done.countDown();
    }

    /** Waits for the end of the run and checks the count. */
    public long await(String what) throws InterruptedException, TimeoutException {
        Check.await(what, done, () -> count, expected);
        return Check.expect(what, count, expected);
    }
}
