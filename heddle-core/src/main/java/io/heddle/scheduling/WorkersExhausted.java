package io.heddle.scheduling;

import io.heddle.Pid;
import java.time.Instant;
import java.util.List;

/**
 * Every worker the dispatcher may add for handlers blocked outside Heddle is in use ({@link Blocking#maxCompensating()}),
 * and another handler holds its worker: ready actors now wait until one of the held turns ends. Reported once until
 * the number of held workers drops below the limit again.
 *
 * @param at     when it was noticed
 * @param system the actor system's name
 * @param limit  the limit that was reached
 * @param heldBy actors whose turns hold workers, at most 16 of them
 */
public record WorkersExhausted(Instant at, String system, int limit, List<Pid> heldBy) implements SchedulingEvent {

    /** Copies the list. */
    public WorkersExhausted {
        heldBy = List.copyOf(heldBy);
    }

    @Override
    public String toString() {
        return "the dispatcher of actor system '" + system + "' has " + limit + " workers held by handlers that block "
                + "outside Heddle (Blocking.maxCompensating), and another is held: ready actors wait until one of "
                + "these turns ends. Held by " + heldBy + ". Run actors that block in JDK code on "
                + "Backend.virtualThread(), or raise ActorSystemConfig.blocking(Blocking.defaults().maxCompensating(n))";
    }
}
