package io.heddle.observe.jfr;

import io.heddle.Pid;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * A handler ran: a timed event from before the handler to after it, on the actor's thread. Recorded only for handlers
 * of at least 10 ms unless a recording sets another threshold, so that it is cheap to leave on. Begun before the
 * handler and committed after it by {@link HeddleFlightRecorder}, on the actor's thread; a handler that throws is
 * recorded too, with the class of what it threw in {@code failure}.
 *
 * <p>Only the adapter creates and commits these events; a consumer reads them from a recording, with the field names
 * below. Threading: one event object is filled and committed by one thread, the one named here; JFR itself is
 * thread-safe. Failures: committing never throws, and an event that no recording enables is not filled in at all.
 */
@Name(EventNames.MESSAGE_HANDLED)
@Label("Message Handled")
@Category({"Heddle", "Messages"})
@Description("An actor handled a message")
@Threshold("10 ms")
@StackTrace(false)
public final class MessageHandledEvent extends Event {

    @Label("System")
    String system;

    @Label("Pid")
    String pid;

    @Label("Actor")
    @Description("The actor's label: its name, or the class of its behavior")
    String actor;

    @Label("Message Type")
    Class<?> messageType;

    @Label("Handler Kind")
    @Description("cast, call, timer or signal")
    String handlerKind;

    @Label("Failure")
    @Description("The class of what the handler threw, if it threw")
    String failure;

    /** The actor's pid, turned into {@link #pid} only if the event is committed. */
    transient Pid actorPid;
}
