package io.heddle.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/** Result checks shared by the workloads: a wrong count or a lost message fails the run instead of timing it. */
public final class Check {

    /** How long one run may take before it counts as lost messages. */
    public static final long TIMEOUT_SECONDS = 60;

    private Check() {}

    /** Returns {@code observed}, or throws if it differs from {@code expected}. */
    public static long expect(String what, long observed, long expected) {
        if (observed != expected) {
            throw new IllegalStateException(what + ": expected " + expected + " but observed " + observed);
        }
        return observed;
    }

    /** Waits for {@code done}; on timeout, throws with the progress so far. */
    public static void await(String what, CountDownLatch done, LongSupplier progress, long expected)
            throws InterruptedException, TimeoutException {
        if (!done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new TimeoutException(what + ": not finished after " + TIMEOUT_SECONDS + " s, " + progress.getAsLong()
                    + " of " + expected + " seen (lost messages?)");
        }
    }
}
