package io.heddle.testkit;

import io.heddle.testkit.internal.SimScheduler;
import java.util.List;

/**
 * A simulation failed: its body threw, or it deadlocked, looped, or (in strict mode) waited on real time. The message
 * gives the seed, how to replay it, and the end of the schedule that led here; the cause is what went wrong.
 */
public final class SimulationFailure extends AssertionError {

    /** How many schedule entries the message shows. */
    public static final int TRACE_SHOWN = 30;

    private final long seed;
    private final transient List<String> trace;
    private final long traceHash;

    SimulationFailure(long seed, Throwable cause, SimScheduler.Trace trace) {
        super("simulation with seed " + seed + " failed: " + cause + "\n  replay it with -D" + Simulation.SEED_PROPERTY
                + "=" + seed + "\n  the last " + Math.min(TRACE_SHOWN, trace.size()) + " of " + trace.size()
                + " scheduling steps:\n    " + trace.tail(TRACE_SHOWN).replace("\n", "\n    "), cause);
        this.seed = seed;
        this.trace = trace.entries();
        this.traceHash = trace.hash();
    }

    /** Returns the seed that failed. */
    public long seed() {
        return seed;
    }

    /** Returns the recorded schedule (its most recent entries). */
    public List<String> trace() {
        return trace;
    }

    /** Returns the hash of the whole schedule, to compare a replay with. */
    public long traceHash() {
        return traceHash;
    }
}
