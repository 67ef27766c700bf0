package io.heddle.internal.dispatch;

import io.heddle.internal.time.Nanos;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.ActorInterruptedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/** Waiting for a future on the system clock, handing a dispatcher worker's place to another while parked. */
public final class Waits {

    private Waits() {}

    /** Waits up to {@code timeoutNanos} for {@code future}; returns true if it completed. */
    public static boolean await(CompletableFuture<?> future, long timeoutNanos, RuntimeClock clock) {
        if (future.isDone()) return true;
        Thread me = Thread.currentThread();
        future.whenComplete((result, failure) -> LockSupport.unpark(me));
        long deadline = Nanos.saturatedAdd(clock.nanoTime(), timeoutNanos);
        TurnRunner blocked = TurnRunner.beginBlocking();
        try {
            while (!future.isDone()) {
                long remaining = deadline - clock.nanoTime();
                if (remaining <= 0) return false;
                clock.parkNanos(future, remaining);
                if (Thread.interrupted()) {
                    me.interrupt();
                    throw new ActorInterruptedException("interrupted while waiting for " + future);
                }
            }
            return true;
        } finally {
            TurnRunner.endBlocking(blocked);
        }
    }
}
