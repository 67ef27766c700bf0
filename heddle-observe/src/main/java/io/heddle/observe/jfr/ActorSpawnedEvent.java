package io.heddle.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * An actor, supervisor or task started: its init has run. Committed by {@link HeddleFlightRecorder} on the actor's
 * thread, or on the spawning thread for an actor with nothing to initialise.
 *
 * <p>Only the adapter creates and commits these events; a consumer reads them from a recording, with the field names
 * below. Threading: one event object is filled and committed by one thread, the one named here; JFR itself is
 * thread-safe. Failures: committing never throws, and an event that no recording enables is not filled in at all.
 */
@Name(EventNames.ACTOR_SPAWNED)
@Label("Actor Spawned")
@Category({"Heddle", "Actors"})
@Description("An actor, supervisor or task started")
@StackTrace(false)
public final class ActorSpawnedEvent extends Event {

    @Label("System")
    String system;

    @Label("Pid")
    String pid;

    @Label("Name")
    @Description("The actor's name, if it has one")
    String name;

    @Label("Label")
    @Description("Its name, or the class of its behavior")
    String label;

    @Label("Kind")
    @Description("actor, supervisor or task")
    String kind;
}
