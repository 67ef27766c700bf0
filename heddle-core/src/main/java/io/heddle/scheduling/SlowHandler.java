package io.heddle.scheduling;

import io.heddle.Pid;
import java.time.Duration;

/**
 * A handler ran longer than its actor's handler timeout; passed to {@link Scheduling#onSlowHandler} once the handler
 * has ended.
 *
 * @param actor       the actor
 * @param kind        which kind of handler
 * @param messageType the class of the message handled ({@code Void} for {@link HandlerKind#INIT})
 * @param duration    how long the handler ran, from its start to its end
 * @param timeout     the handler timeout it overran
 * @param action      what the runtime did about it
 */
public record SlowHandler(Pid actor, HandlerKind kind, Class<?> messageType, Duration duration, Duration timeout,
                          TimeoutAction action) {
}
