package io.heddle.scheduling;

import java.time.Instant;

/**
 * Something the scheduler noticed: a handler past its timeout, a dispatcher worker held too long, or ready work run
 * late. Delivered to {@link io.heddle.ActorSystemConfig#schedulingListener()}, on a runtime thread, the moment it is
 * noticed; the default listener logs it.
 */
public sealed interface SchedulingEvent permits HandlerTimedOut, BlockedWorker, Starvation, WorkersExhausted {

    /** When the event was noticed, on the system's clock. */
    Instant at();
}
