package io.heddle.internal.time;

import io.heddle.internal.dispatch.ThreadSource;
import io.heddle.Cancellable;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The real clock: {@link System#nanoTime()}, {@link LockSupport#parkNanos(Object, long)}, and one daemon platform
 * thread that fires timers. Timer tasks only enqueue messages, so one thread is plenty; cancelled timers are removed
 * from its queue at once, so cancelling a long timer frees its memory.
 */
public final class SystemClock implements RuntimeClock {

    private final ScheduledThreadPoolExecutor timers;

    public SystemClock(String systemName, ThreadSource threads) {
        timers = new ScheduledThreadPoolExecutor(1,
                task -> threads.newPlatformThread("heddle-" + systemName + "-timer", task));
        timers.setRemoveOnCancelPolicy(true);
        timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timers.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public void parkNanos(Object blocker, long nanos) {
        LockSupport.parkNanos(blocker, nanos);
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        return new FutureCancellable(timers.schedule(task, delayNanos, TimeUnit.NANOSECONDS));
    }

    @Override
    public Cancellable scheduleAtFixedRate(long initialDelayNanos, long periodNanos, Runnable task) {
        return new FutureCancellable(timers.scheduleAtFixedRate(task, initialDelayNanos, periodNanos,
                TimeUnit.NANOSECONDS));
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }

    private record FutureCancellable(ScheduledFuture<?> future) implements Cancellable {
        @Override
        public boolean cancel() {
            return future.cancel(false);
        }

        @Override
        public boolean isCancelled() {
            return future.isCancelled();
        }
    }
}
