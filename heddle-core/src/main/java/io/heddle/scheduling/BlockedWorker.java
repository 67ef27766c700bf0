package io.heddle.scheduling;

import io.heddle.Pid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A dispatcher worker ran one actor's turn for longer than the {@link Watchdog#blockedThreshold()} without waiting in
 * Heddle: the handler is CPU-bound, blocked in code Heddle cannot see ({@code Thread.sleep}, JDBC, a socket,
 * {@code synchronized}), or pinned to its carrier. Other ready actors are served meanwhile by a worker that takes its
 * place ({@link Blocking}), up to {@link Blocking#maxCompensating()}; the actor itself handles nothing else until the
 * turn ends. Move such work to {@link io.heddle.Backend#virtualThread()}, or split it with a
 * {@link io.heddle.task.YieldBudget}, if the actor must stay responsive.
 *
 * @param at     when it was noticed
 * @param actor  the actor whose turn holds the worker
 * @param worker the worker thread's name
 * @param held   how long the turn had held the worker when noticed
 * @param state  the worker thread's state: {@code RUNNABLE} for CPU work (or a pinned carrier), {@code WAITING},
 *               {@code TIMED_WAITING} or {@code BLOCKED} for a wait Heddle cannot see
 * @param stack  where the handler was
 */
public record BlockedWorker(Instant at, Pid actor, String worker, Duration held, Thread.State state,
                            List<StackTraceElement> stack) implements SchedulingEvent {

    /** Copies the stack. */
    public BlockedWorker {
        stack = List.copyOf(stack);
    }

    @Override
    public String toString() {
        return worker + " has run a turn of " + actor + " for " + held.toMillis() + " ms without a Heddle wait (thread "
                + state + "); it handles nothing else meanwhile, and another worker serves the other actors"
                + Stacks.format(stack);
    }
}
