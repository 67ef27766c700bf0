package io.heddle.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The end of a run in which several actors finish concurrently: each party arrives once with what it counted, the run
 * ends when all have arrived, and the sum is then checked. Actors count their own messages, so a lost or duplicated
 * message shows up as a wrong sum, or as a run that never ends. An actor that sees something impossible (a reply it
 * did not ask for) calls {@link #fail(String)}, which ends the run with an error.
 *
 * <p>Thread-safe.
 */
public final class Tally {

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicLong sum = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final CountDownLatch done = new CountDownLatch(1);

    /** A tally that ends when {@code parties} have arrived. */
    public Tally(int parties) {
        if (parties < 1) throw new IllegalArgumentException("parties must be >= 1, got " + parties);
        this.parties = parties;
    }

    /** One party is done and counted {@code count}. */
    public void arrive(long count) {
        sum.addAndGet(count);
        if (arrived.incrementAndGet() == parties) done.countDown();
    }

    /** Ends the run with an error: a workload saw a message it should never have seen. */
    public void fail(String what) {
        failure.compareAndSet(null, what);
        done.countDown();
    }

    /** Waits until every party has arrived, then checks that none arrived twice and that the sum is right. */
    public long await(String what, long expectedSum) throws InterruptedException, TimeoutException {
        Check.await(what, done, arrived::get, parties);
        String failed = failure.get();
        if (failed != null) throw new IllegalStateException(what + ": " + failed);
        Check.expect(what + " (parties arrived)", arrived.get(), parties);
        return Check.expect(what, sum.get(), expectedSum);
    }
}
