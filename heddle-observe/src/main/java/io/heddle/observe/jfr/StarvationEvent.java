package io.heddle.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The watchdog's probe waited past a starvation threshold: ready work is run late. Committed by
 * {@link HeddleFlightRecorder} on the system's timer thread; the thread dump of a critical starvation is not copied
 * into the event (the scheduling listener that logs it has it).
 *
 * <p>Only the adapter creates and commits these events; a consumer reads them from a recording, with the field names
 * below. Threading: one event object is filled and committed by one thread, the one named here; JFR itself is
 * thread-safe. Failures: committing never throws, and an event that no recording enables is not filled in at all.
 */
@Name(EventNames.STARVATION)
@Label("Starvation")
@Category({"Heddle", "Scheduling"})
@Description("Ready work waited too long to run")
@StackTrace(false)
public final class StarvationEvent extends Event {

    @Label("System")
    String system;

    @Label("Delay")
    @Description("How long the watchdog's probe had waited")
    @Timespan(Timespan.NANOSECONDS)
    long delay;

    @Label("Severity")
    @Description("WARNING or CRITICAL")
    String severity;
}
