package io.heddle.internal.sched;

import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.dispatch.Dispatcher;
import io.heddle.internal.mailbox.MailboxQueue;
import io.heddle.internal.system.SystemImpl;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.Cancellable;
import io.heddle.Mailbox;
import io.heddle.scheduling.BlockedWorker;
import io.heddle.spi.SchedulingMetrics;
import io.heddle.scheduling.Starvation;
import io.heddle.scheduling.Watchdog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system's periodic tick, on the system clock's timer thread: it advances the coarse clock that inspection reads
 * per message and, if enabled, runs the watchdog's checks ({@link Watchdog}).
 *
 * <ul>
 *   <li><b>Starvation.</b> Each probe is a message to {@link #probe}, an internal actor outside the actor table that
 *       only records when the probe arrived. The delay from sending to handling is how late the dispatcher runs ready
 *       work. A probe not handled yet is checked on every tick too, so a dispatcher that runs nothing at all is
 *       reported while it is stuck, not after.</li>
 *   <li><b>Blocked workers.</b> Each worker counts the turns it starts. A worker seen on two ticks with the same count,
 *       running an actor and not waiting in Heddle, has held one turn at least since the first of them; once that
 *       passes the threshold it is reported, once per turn, with its stack.</li>
 * </ul>
 * All state but the probe's arrival is the timer thread's own.
 */
public final class SchedulingWatchdog {

    private record Probe(long sentAt) {}

    /** The longest period of the tick: the coarse clock's resolution. */
    private static final long TICK_NANOS = 50_000_000L;

    /** What the watchdog last saw of a worker. */
    private static final class Mark {
        long progress = -1;
        long since;
        boolean reported;
    }

    private final SystemImpl system;
    private final long probeInterval;
    private final long warning;
    private final long critical;
    private final long blocked;
    private final boolean enabled;
    private final ActorCell<Probe> probe;
    private final Map<Dispatcher.Worker, Mark> marks = new HashMap<>();
    private Cancellable ticks;

    // Timer thread only.
    private long lastProbe = Long.MIN_VALUE;
    private long outstanding; // sentAt of the probe in flight, 0 if none
    private Starvation.Severity reportedForOutstanding;
    /** Written by the probe's handler when it arrives (delay first, then which probe); read by the timer thread. */
    private volatile long arrivedFor;
    private volatile long arrivedDelay;

    public SchedulingWatchdog(SystemImpl system, Watchdog config) {
        this.system = system;
        this.probeInterval = config.probeInterval().toNanos();
        this.warning = config.starvationWarning().toNanos();
        this.critical = config.starvationCritical().toNanos();
        this.blocked = config.blockedThreshold().toNanos();
        this.enabled = config.enabled();
        Behavior<Probe> onProbe = (ctx, p) -> {
            arrived(p);
            return Behaviors.same();
        };
        this.probe = new ActorCell<>(system, system.nextPid(), "heddle-watchdog-probe", null, MailboxQueue.create(Mailbox.unbounded()),
                onProbe);
        probe.setScheduler(system.dispatcher());
        probe.markInternal();
        probe.startWithoutInitIfTrivial();
    }

    public void start() {
        long period = Math.max(1_000_000L, Math.min(TICK_NANOS, Math.min(probeInterval, blocked / 2)));
        ticks = system.clock().scheduleAtFixedRate(period, period, this::tick);
    }

    public void stop() {
        Cancellable t = ticks;
        if (t != null) t.cancel();
    }

    private void tick() {
        try {
            system.advanceCoarseClock();
            if (!enabled) return;
            long now = system.clock().nanoTime();
            checkStarvation(now);
            checkWorkers(now);
        } catch (RuntimeException | Error failure) {
            System.getLogger("io.heddle.scheduling").log(System.Logger.Level.ERROR, "the watchdog of " + system
                    + " failed a check", failure);
        }
    }

    private void checkStarvation(long now) {
        long sent = outstanding;
        if (sent != 0 && arrivedFor == sent) {
            reportIfLate(arrivedDelay);
            outstanding = 0;
            sent = 0;
        }
        if (sent == 0) {
            if (lastProbe != Long.MIN_VALUE && now - lastProbe < probeInterval) return;
            lastProbe = now;
            outstanding = now;
            reportedForOutstanding = null;
            probe.cast(new Probe(now));
            return;
        }
        reportIfLate(now - sent);
    }

    /** On a dispatcher worker: the probe arrived. The next tick reports it if it was late. */
    private void arrived(Probe p) {
        long delay = system.clock().nanoTime() - p.sentAt();
        SchedulingMetrics metrics = system.metrics;
        if (metrics != null) metrics.schedulingDelay(delay);
        arrivedDelay = delay;
        arrivedFor = p.sentAt();
    }

    /** Reports the probe in flight if it is late, once per severity. */
    private void reportIfLate(long delay) {
        Starvation.Severity severity = delay >= critical ? Starvation.Severity.CRITICAL
                : delay >= warning ? Starvation.Severity.WARNING : null;
        if (severity == null) return;
        Starvation.Severity already = reportedForOutstanding;
        if (already != null && already.compareTo(severity) >= 0) return;
        reportedForOutstanding = severity;
        List<Starvation.ThreadDump> dump = severity == Starvation.Severity.CRITICAL ? dumpThreads() : List.of();
        system.publish(new Starvation(system.clock().instant(), Duration.ofNanos(delay), severity, dump));
    }

    private void checkWorkers(long now) {
        marks.keySet().retainAll(system.dispatcher().workers());
        for (Dispatcher.Worker w : system.dispatcher().workers()) {
            Mark mark = marks.computeIfAbsent(w, k -> new Mark());
            ActorCell<?> running = w.runningCell();
            long progress = w.progress();
            if (running == null || w.blocked || progress != mark.progress) {
                mark.progress = running == null || w.blocked ? -1 : progress;
                mark.since = now;
                mark.reported = false;
                continue;
            }
            if (mark.reported || now - mark.since < blocked) continue;
            mark.reported = true;
            Thread t = w.thread;
            if (t == null) continue;
            system.publish(new BlockedWorker(system.clock().instant(), running.pid(), t.getName(),
                    Duration.ofNanos(now - mark.since), t.getState(), List.of(t.getStackTrace())));
        }
    }

    /** The dispatcher's workers with the actor each runs, then the JDK's carrier threads. */
    private List<Starvation.ThreadDump> dumpThreads() {
        List<Starvation.ThreadDump> dump = new ArrayList<>();
        for (Dispatcher.Worker w : system.dispatcher().workers()) {
            Thread t = w.thread;
            if (t == null) continue;
            ActorCell<?> running = w.runningCell();
            dump.add(new Starvation.ThreadDump(t.getName(), t.getState(), running == null ? null : running.toString(),
                    List.of(t.getStackTrace())));
        }
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (t.getClass().getName().equals("jdk.internal.misc.CarrierThread")) {
                dump.add(new Starvation.ThreadDump(t.getName(), t.getState(), null, List.of(e.getValue())));
            }
        }
        return dump;
    }
}
