package io.heddle.inspect;

import io.heddle.Health;
import io.heddle.Pid;
import java.time.Duration;
import java.util.List;

/**
 * One actor or task as inspection saw it: a snapshot, taken without stopping it, so its fields may be a moment apart.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param pid             its pid
 * @param name            its name, or null
 * @param label           what metrics tag it by: its name if it has one, else the class of its behavior (for
 *                        example {@code Counter}, or {@code Showcase$lambda} for a lambda declared in
 *                        {@code Showcase})
 * @param kind            actor, supervisor or task
 * @param state           where it is now
 * @param parent          its parent's pid, or null for a top-level actor
 * @param childId         the id of the child spec it was started from, if a supervisor started it; else null
 * @param restarts        how many times its supervisor had restarted that child when this incarnation started
 * @param mailboxSize     messages waiting in its mailbox
 * @param mailboxCapacity the capacity of its mailbox ({@link Integer#MAX_VALUE} less one for an unbounded one)
 * @param processed       messages it has handled (wraps past {@link Integer#MAX_VALUE}: compare differences)
 * @param currentMessage  the class name of the message its handler is handling, or null between messages
 * @param handlingFor     how long that handler has been running (to within 50 ms), or null between messages
 * @param uptime          how long since it was spawned (to within 50 ms)
 * @param links           the actors it is linked to
 * @param monitors        the actors it monitors
 * @param monitoredBy     the actors that monitor it
 * @param names           the names it holds in the registry
 * @param health          its last reported health
 */
public record ActorInfo(Pid pid, String name, String label, ActorKind kind, ActorState state, Pid parent,
                        String childId, int restarts, int mailboxSize, int mailboxCapacity, int processed,
                        String currentMessage, Duration handlingFor, Duration uptime, List<Pid> links,
                        List<Pid> monitors, List<Pid> monitoredBy, List<String> names, Health health) {

    /** Copies the lists. */
    public ActorInfo {
        links = List.copyOf(links);
        monitors = List.copyOf(monitors);
        monitoredBy = List.copyOf(monitoredBy);
        names = List.copyOf(names);
    }

    /** Prints like the actor: its name and pid. */
    public String displayName() {
        return name == null ? pid.toString() : name + pid;
    }
}
