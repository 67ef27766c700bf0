package io.heddle.bench.micro;

import io.heddle.bench.Check;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The end of a run whose events come from several threads at once: each counts one down, and the last opens the
 * latch. A lost message leaves the run unfinished; a duplicated one makes the count go below zero, which is checked.
 */
final class Countdown {

    private final long expected;
    private final AtomicLong left;
    private final CountDownLatch done = new CountDownLatch(1);

    Countdown(long expected) {
        this.expected = expected;
        this.left = new AtomicLong(expected);
    }

    void hit() {
        if (left.decrementAndGet() == 0) done.countDown();
    }

    long await(String what) throws InterruptedException, TimeoutException {
        Check.await(what, done, () -> expected - left.get(), expected);
        return Check.expect(what, expected - left.get(), expected);
    }
}
