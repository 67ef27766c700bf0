package io.heddle.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Ready work waited too long to run: the watchdog's probe, a message to an idle internal actor, was not handled within
 * the warning or critical threshold. The usual causes are handlers that block carriers (see {@link BlockedWorker}),
 * CPU overload, or far more busy actors than workers with a high throughput.
 *
 * @param at       when it was noticed
 * @param delay    how long the probe had waited (it may still be waiting)
 * @param severity which threshold it passed
 * @param threads  on {@link Severity#CRITICAL}, a dump of the dispatcher workers and the carrier threads; otherwise
 *                 empty
 */
public record Starvation(Instant at, Duration delay, Severity severity, List<ThreadDump> threads)
        implements SchedulingEvent {

    /** Copies the dump. */
    public Starvation {
        threads = List.copyOf(threads);
    }

    /** How bad it is. */
    public enum Severity {
        /** Past {@link Watchdog#starvationWarning()}. */
        WARNING,
        /** Past {@link Watchdog#starvationCritical()}. */
        CRITICAL
    }

    /**
     * One thread at the time of a critical starvation.
     *
     * @param name   the thread's name
     * @param state  its state
     * @param actor  for a dispatcher worker, the actor whose turn it runs (as printed, for example {@code cache<0.7.0>}),
     *               or null
     * @param stack  its stack
     */
    public record ThreadDump(String name, Thread.State state, String actor, List<StackTraceElement> stack) {

        /** Copies the stack. */
        public ThreadDump {
            stack = List.copyOf(stack);
        }

        @Override
        public String toString() {
            return "\"" + name + "\" " + state + (actor == null ? "" : " running " + actor) + Stacks.format(stack);
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(severity == Severity.CRITICAL ? "CRITICAL starvation" : "starvation")
                .append(": ready work waited ").append(delay.toMillis()).append(" ms to run. Look for handlers that "
                        + "block carriers or hold workers (BlockedWorker events), or CPU overload.");
        for (ThreadDump t : threads) s.append("\n").append(t);
        return s.toString();
    }
}
