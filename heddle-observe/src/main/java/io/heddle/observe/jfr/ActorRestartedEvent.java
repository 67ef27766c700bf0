package io.heddle.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A supervisor restarted a child. Committed by {@link HeddleFlightRecorder} on the supervisor's thread; it may come
 * before the {@link ActorStoppedEvent} of the previous incarnation, which is committed on that actor's own thread.
 *
 * <p>Only the adapter creates and commits these events; a consumer reads them from a recording, with the field names
 * below. Threading: one event object is filled and committed by one thread, the one named here; JFR itself is
 * thread-safe. Failures: committing never throws, and an event that no recording enables is not filled in at all.
 */
@Name(EventNames.ACTOR_RESTARTED)
@Label("Actor Restarted")
@Category({"Heddle", "Actors"})
@Description("A supervisor restarted a child")
@StackTrace(false)
public final class ActorRestartedEvent extends Event {

    @Label("System")
    String system;

    @Label("Supervisor")
    @Description("The supervisor's pid")
    String supervisor;

    @Label("Supervisor Label")
    String supervisorLabel;

    @Label("Child Id")
    String childId;

    @Label("Previous Pid")
    String previousPid;

    @Label("Next Pid")
    String nextPid;

    @Label("Reason")
    @Description("Why the previous incarnation exited: normal, shutdown, killed, error, linked or noproc")
    String reason;

    @Label("Detail")
    @Description("The exit reason in full, with the exception of an error")
    String detail;

    @Label("Restarts")
    @Description("How many times the child has now been restarted")
    int restarts;
}
