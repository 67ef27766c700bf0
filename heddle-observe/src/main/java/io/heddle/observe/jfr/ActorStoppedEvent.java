package io.heddle.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * An actor, supervisor or task stopped, with why and after how long. Committed by {@link HeddleFlightRecorder} on the
 * actor's thread, once its termination is complete. An actor whose init failed has a stop and no spawn.
 *
 * <p>Only the adapter creates and commits these events; a consumer reads them from a recording, with the field names
 * below. Threading: one event object is filled and committed by one thread, the one named here; JFR itself is
 * thread-safe. Failures: committing never throws, and an event that no recording enables is not filled in at all.
 */
@Name(EventNames.ACTOR_STOPPED)
@Label("Actor Stopped")
@Category({"Heddle", "Actors"})
@Description("An actor, supervisor or task stopped")
@StackTrace(false)
public final class ActorStoppedEvent extends Event {

    @Label("System")
    String system;

    @Label("Pid")
    String pid;

    @Label("Name")
    String name;

    @Label("Label")
    String label;

    @Label("Kind")
    String kind;

    @Label("Reason")
    @Description("normal, shutdown, killed, error, linked or noproc")
    String reason;

    @Label("Detail")
    @Description("The exit reason in full, with the exception of an error")
    String detail;

    @Label("Lifetime")
    @Timespan(Timespan.MILLISECONDS)
    long lifetime;
}
