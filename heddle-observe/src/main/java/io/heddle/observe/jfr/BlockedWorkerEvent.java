package io.heddle.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A dispatcher worker ran one actor's turn past the watchdog's blocked threshold without waiting in Heddle. Committed
 * by {@link HeddleFlightRecorder} on the watchdog's thread, so the event's own stack trace is left out; the worker's
 * stack is in {@code stack} (at most 64 frames, innermost first).
 *
 * <p>Only the adapter creates and commits these events; a consumer reads them from a recording, with the field names
 * below. Threading: one event object is filled and committed by one thread, the one named here; JFR itself is
 * thread-safe. Failures: committing never throws, and an event that no recording enables is not filled in at all.
 */
@Name(EventNames.BLOCKED_WORKER)
@Label("Blocked Worker")
@Category({"Heddle", "Scheduling"})
@Description("A dispatcher worker was held by one actor's turn")
@StackTrace(false)
public final class BlockedWorkerEvent extends Event {

    @Label("System")
    String system;

    @Label("Pid")
    @Description("The actor whose turn held the worker")
    String pid;

    @Label("Actor")
    @Description("Its label, or unknown")
    String actor;

    @Label("Worker")
    @Description("The worker thread's name")
    String worker;

    @Label("Held")
    @Timespan(Timespan.NANOSECONDS)
    long held;

    @Label("Thread State")
    @Description("RUNNABLE for CPU work; WAITING, TIMED_WAITING or BLOCKED for a wait Heddle cannot see")
    String threadState;

    @Label("Stack")
    @Description("Where the handler was, innermost frame first")
    String stack;
}
