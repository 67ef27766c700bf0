package io.heddle.observe.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A message was not delivered, with why. Committed by {@link HeddleFlightRecorder} on the thread that dead-lettered it:
 * a sender's, for a full or stopped mailbox, or an actor's.
 *
 * <p>Only the adapter creates and commits these events; a consumer reads them from a recording, with the field names
 * below. Threading: one event object is filled and committed by one thread, the one named here; JFR itself is
 * thread-safe. Failures: committing never throws, and an event that no recording enables is not filled in at all.
 */
@Name(EventNames.DEAD_LETTER)
@Label("Dead Letter")
@Category({"Heddle", "Messages"})
@Description("A message was not delivered")
@StackTrace(false)
public final class DeadLetterEvent extends Event {

    @Label("System")
    String system;

    @Label("Recipient")
    @Description("The recipient's pid")
    String recipient;

    @Label("Recipient Name")
    String recipientName;

    @Label("Message Type")
    Class<?> messageType;

    @Label("Reason")
    @Description("The DeadLetter.Reason, for example DROPPED or RECIPIENT_STOPPED")
    String reason;
}
