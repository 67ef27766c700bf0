package io.heddle;

import java.util.List;

/**
 * A call was not made because it would have waited forever: the caller would wait on the target, which already waits,
 * directly or through others, on the caller, and no actor on the way admits the call (see
 * {@link io.heddle.scheduling.Reentrancy}). The message prints the cycle, for example
 * {@code <0.5.0> -> <0.6.0> -> <0.5.0>}. The request was not sent.
 *
 * <p>To fix it: reply from the callee without calling back (cast, or hand the reply over), call asynchronously with
 * {@link ActorRef#callAsync}, or spawn the actors with {@link io.heddle.scheduling.Reentrancy#CALL_CHAIN} so that
 * callbacks along one chain may enter.
 */
public final class CallDeadlockException extends CallFailedException {

    private final List<Pid> cycle;

    /** Creates the exception; {@code cycle} starts and ends with the caller. */
    public CallDeadlockException(Pid target, Class<?> requestType, String message, List<Pid> cycle) {
        super(target, requestType, message, null);
        this.cycle = List.copyOf(cycle);
    }

    /** Returns the actors of the cycle, starting and ending with the caller. */
    public List<Pid> cycle() {
        return cycle;
    }
}
