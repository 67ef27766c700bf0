package io.heddle.internal.call;

import io.heddle.internal.time.Nanos;
import io.heddle.internal.time.RuntimeClock;

/**
 * When a call gives up: its own timeout, or the deadline of the caller's cancellation scope if that comes first. The
 * one computation both {@code call} and {@code callAsync} use, so a blocking and an asynchronous call under the same
 * scope give up at the same instant and explain it the same way.
 *
 * @param start         when the call was made, on the system clock
 * @param end           when the caller stops waiting
 * @param scopeDeadline the caller's scope deadline, {@link Long#MAX_VALUE} if none; bounds the handler's own calls
 * @param boundByScope  true if {@code end} is the scope's deadline rather than the call's timeout
 */
public record CallDeadline(long start, long end, long scopeDeadline, boolean boundByScope) {

    /** Computes the deadline of a call made now with {@code timeoutNanos}, under a scope ending at {@code scopeDeadline}. */
    public static CallDeadline of(RuntimeClock clock, long timeoutNanos, long scopeDeadline) {
        long start = clock.nanoTime();
        long end = Nanos.saturatedAdd(start, timeoutNanos);
        boolean bound = scopeDeadline < end;
        return new CallDeadline(start, bound ? scopeDeadline : end, scopeDeadline, bound);
    }

    /** How long the caller waits, from {@link #start}. */
    public long waitNanos() {
        return end - start;
    }
}
