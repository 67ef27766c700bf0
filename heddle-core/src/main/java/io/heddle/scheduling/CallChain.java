package io.heddle.scheduling;

import io.heddle.Pid;
import io.heddle.internal.call.Chains;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The chain of calls a handler is part of: A's handler calls B, whose handler calls C, and so on. Every call made
 * from an actor carries its chain; the handler of the call sees it as {@link #current()}. A chain starts at the first
 * actor that calls (calls from outside actors carry none) and keeps its {@link #id()} along the way.
 *
 * <p>{@link Reentrancy#CALL_CHAIN} admits a call into a waiting actor only if it carries the chain the actor waits in,
 * and the deadlock check prints the actors of a chain.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id      the chain's identity, the same for every call along it
 * @param callers the actors the chain has passed through, first caller first; the actor handling a call is not in the
 *                chain of that call, but in the chain of the calls it makes
 */
public record CallChain(long id, List<Pid> callers) {

    /** Copies the callers. */
    public CallChain {
        callers = List.copyOf(callers);
        if (callers.isEmpty()) throw new IllegalArgumentException("a call chain has at least one caller");
    }

    /**
     * Returns the chain of the call the current handler is answering, or of the handler that started the current
     * task; empty elsewhere, and in handlers of casts.
     */
    public static Optional<CallChain> current() {
        return Chains.CURRENT.isBound() ? Optional.of(Chains.CURRENT.get()) : Optional.empty();
    }

    /** Returns true if {@code pid} is in this chain. */
    public boolean contains(Pid pid) {
        return callers.contains(Objects.requireNonNull(pid, "pid"));
    }

    /** Returns this chain extended by {@code caller}, which is about to make a call along it. */
    public CallChain extend(Pid caller) {
        List<Pid> longer = new ArrayList<>(callers.size() + 1);
        longer.addAll(callers);
        longer.add(Objects.requireNonNull(caller, "caller"));
        return new CallChain(id, longer);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("chain#").append(id).append(' ');
        for (int i = 0; i < callers.size(); i++) s.append(i == 0 ? "" : " -> ").append(callers.get(i));
        return s.toString();
    }
}
