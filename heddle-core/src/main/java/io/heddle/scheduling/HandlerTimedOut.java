package io.heddle.scheduling;

import io.heddle.Pid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A handler was still running when its actor's handler timeout passed.
 *
 * @param at          when the timeout passed
 * @param actor       the actor
 * @param kind        which kind of handler
 * @param messageType the class of the message being handled
 * @param timeout     the handler timeout
 * @param action      what the runtime does about it
 * @param stack       where the handler was when the timeout passed
 */
public record HandlerTimedOut(Instant at, Pid actor, HandlerKind kind, Class<?> messageType, Duration timeout,
                              TimeoutAction action, List<StackTraceElement> stack) implements SchedulingEvent {

    /** Copies the stack. */
    public HandlerTimedOut {
        stack = List.copyOf(stack);
    }

    @Override
    public String toString() {
        return "handler of " + actor + " for " + messageType.getSimpleName() + " (" + kind + ") still running after its"
                + " timeout of " + timeout.toMillis() + " ms; action " + action + Stacks.format(stack);
    }
}
