package io.heddle.scheduling;

/**
 * Whether an actor may start another message while a handler waits, the choice Orleans offers its grains.
 *
 * <p>A handler <em>waits</em> when it blocks in {@link io.heddle.ActorRef#call}, and, under {@link #FULL}, also in
 * {@link io.heddle.task.Task#join}, {@link io.heddle.task.TaskGroup#join} and {@link io.heddle.task.Task#sleep}.
 * Whatever the mode, handlers of one actor never run at the same time: they only interleave at those waits. A handler
 * that resumes after its wait goes ahead of messages not yet started.
 *
 * <p>Modes other than {@link #NONE} need {@link io.heddle.Backend#dispatcher()}.
 */
public enum Reentrancy {

    /**
     * One message at a time, each handled to its end before the next starts. The default, and the simplest to reason
     * about. A call that would close a cycle of waiting actors (A waits on B, which calls A) fails at once with
     * {@link io.heddle.CallDeadlockException}, which prints the cycle.
     */
    NONE,

    /**
     * While a handler waits, the actor handles other messages. State may change across a handler's call: read what
     * you need again after it returns. Use it for actors that mostly wait on others and must not queue behind them.
     */
    FULL,

    /**
     * While a handler waits on a call, only calls of the same {@link CallChain} may enter: A calls B, B calls back A,
     * and A handles that call before the first returns. Other messages wait as under {@link #NONE}. Use it for
     * callbacks between actors, without the interleaving of {@link #FULL}.
     */
    CALL_CHAIN
}
