package io.heddle.internal.sched;

import io.heddle.scheduling.BlockedWorker;
import io.heddle.scheduling.HandlerTimedOut;
import io.heddle.scheduling.SchedulingEvent;
import io.heddle.scheduling.Starvation;
import io.heddle.scheduling.WorkersExhausted;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Logs scheduling events (see {@link io.heddle.ActorSystemConfig#LOG_SCHEDULING_EVENTS}). A burst of starvation or
 * blocked-worker events (a slow start, a GC pause) makes one line per kind per 10 s, not one per tick.
 */
public final class SchedulingLog implements Consumer<SchedulingEvent> {

    private static final System.Logger LOG = System.getLogger("io.heddle.scheduling");
    private static final long QUIET_NANOS = 10_000_000_000L;

    private final Limit starvation = new Limit();
    private final Limit critical = new Limit();
    private final Limit blocked = new Limit();

    /** One kind of event: when it was last logged, and how many were left out since. */
    private static final class Limit {
        final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        final AtomicInteger suppressed = new AtomicInteger();

        /** Returns -1 to stay quiet, else how many were left out before this one. */
        int admit() {
            long now = System.nanoTime();
            long previous = last.get();
            if (previous != Long.MIN_VALUE && now - previous < QUIET_NANOS || !last.compareAndSet(previous, now)) {
                suppressed.incrementAndGet();
                return -1;
            }
            return suppressed.getAndSet(0);
        }
    }

    @Override
    public void accept(SchedulingEvent event) {
        switch (event) {
            case HandlerTimedOut t -> LOG.log(Level.WARNING, t.toString());
            case Starvation s when s.severity() == Starvation.Severity.CRITICAL ->
                    log(critical, Level.ERROR, s.toString(), "critical starvation");
            case Starvation s -> log(starvation, Level.WARNING, s.toString(), "starvation");
            case BlockedWorker b -> log(blocked, Level.WARNING, b.toString(), "blocked-worker");
            case WorkersExhausted e -> LOG.log(Level.WARNING, e.toString());
        }
    }

    private static void log(Limit limit, Level level, String line, String kind) {
        int left = limit.admit();
        if (left < 0) return;
        LOG.log(level, left == 0 ? line : line + "\n(" + left + " more " + kind + " events in the last 10 s were not "
                + "logged)");
    }
}
