package io.heddle.dashboard;

import io.heddle.ActorSystem;
import io.heddle.Pid;
import io.heddle.inspect.ActorInfo;
import io.heddle.inspect.Inspector;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the system through its {@link Inspector}: on demand, for requests, at most once per refresh interval; and
 * every refresh interval while at least one event stream is open, publishing each sample to the streams. With nobody
 * watching it reads nothing.
 *
 * <p>Thread-safe: samples are taken under a lock, one at a time; {@link #latest()} and {@link #next()} may be called
 * from any thread. {@link #close()} stops the ticks and ends every wait on {@link #next()} with a
 * {@link CancellationException}.
 */
final class Sampler implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.heddle.dashboard");

    private final ActorSystem system;
    private final HandlerTimings timings;
    private final long intervalNanos;
    private final RateTracker rates;
    private final ScheduledExecutorService ticker;
    private final AtomicInteger streams = new AtomicInteger();
    private final Object lock = new Object();
    private Sample latest;
    private CompletableFuture<Sample> next = new CompletableFuture<>();
    private boolean closed;

    /**
     * @param timings the handler timings installed by {@link Dashboard#instrument}, or null if there are none
     */
    Sampler(ActorSystem system, HandlerTimings timings, Duration interval) {
        this.system = system;
        this.timings = timings;
        this.intervalNanos = interval.toNanos();
        this.rates = new RateTracker(intervalNanos / 2, Math.max(10 * intervalNanos, TimeUnit.SECONDS.toNanos(10)));
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("heddle-dashboard-sampler-" + system.name()).factory());
        ticker.scheduleAtFixedRate(this::tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    }

    /** Returns a sample at most about one refresh interval old, taking one now if there is none as fresh. */
    Sample latest() {
        Taken taken;
        synchronized (lock) {
            if (latest != null && System.nanoTime() - latest.snapshot().nanos() < intervalNanos + intervalNanos / 2) {
                return latest;
            }
            taken = take();
        }
        taken.publish();
        return taken.sample();
    }

    /**
     * Returns a future of the next periodic sample. It completes only while a stream is open (see
     * {@link #streamOpened()}), and fails with {@link CancellationException} once the sampler is closed.
     */
    CompletableFuture<Sample> next() {
        synchronized (lock) {
            return next;
        }
    }

    /** An event stream opened: tick while any is open. */
    void streamOpened() {
        streams.incrementAndGet();
    }

    /** An event stream closed. */
    void streamClosed() {
        streams.decrementAndGet();
    }

    /** Returns the number of event streams open. */
    int openStreams() {
        return streams.get();
    }

    /** Returns whether handler latency is measured. */
    boolean instrumented() {
        return timings != null;
    }

    /** Returns the latency of one actor's handlers now, or null if it is not measured. */
    Latency latency(Pid pid) {
        return timings == null ? null : timings.latency(pid);
    }

    /** Returns the rate of one actor in the latest sample, or null if it has none. */
    Double rate(Pid pid) {
        synchronized (lock) {
            return latest == null ? null : latest.snapshot().rates().get(pid);
        }
    }

    @Override
    public void close() {
        CompletableFuture<Sample> pending;
        synchronized (lock) {
            closed = true;
            pending = next;
        }
        ticker.shutdownNow();
        pending.completeExceptionally(new CancellationException("the dashboard was closed"));
    }

    private void tick() {
        if (streams.get() == 0) return;
        try {
            Taken taken;
            synchronized (lock) {
                if (closed) return;
                taken = take();
            }
            taken.publish();
        } catch (RuntimeException | Error e) {
            // A periodic task that throws is never run again; log and keep ticking.
            LOG.log(System.Logger.Level.WARNING, "dashboard of " + system.name() + " could not sample the system;"
                    + " the page shows the previous sample until the next one succeeds", e);
        }
    }

    /** A sample just taken, and the future of the streams waiting for it. */
    private record Taken(Sample sample, CompletableFuture<Sample> waiting) {
        /** Hands the sample to the waiting streams; called outside the lock. */
        void publish() {
            waiting.complete(sample);
        }
    }

    /**
     * Takes a sample, makes it the latest and returns it with the future the streams wait on, now replaced by a fresh
     * one; the caller holds the lock.
     */
    private Taken take() {
        Inspector inspector = system.inspect();
        long now = System.nanoTime();
        var summary = inspector.system();
        List<ActorInfo> actors = inspector.actors();
        var tree = inspector.tree();
        var links = inspector.links();
        var monitors = inspector.monitors();
        var routers = inspector.routers();
        var deadLetters = inspector.deadLetters();
        var events = inspector.schedulingEvents();
        Map<Pid, Double> rateByPid = rates.update(actors, now);
        Map<Pid, Latency> latencies = new HashMap<>();
        if (timings != null) {
            for (ActorInfo a : actors) {
                Latency l = timings.latency(a.pid());
                if (l != null) latencies.put(a.pid(), l);
            }
        }
        latest = new Sample(new Snapshot(now, summary, actors, tree, links, monitors, routers, deadLetters, events,
                rateByPid, latencies, timings != null));
        CompletableFuture<Sample> waiting = next;
        if (!closed) next = new CompletableFuture<>();
        return new Taken(latest, waiting);
    }
}
