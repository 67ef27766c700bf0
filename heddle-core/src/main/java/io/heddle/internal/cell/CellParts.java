package io.heddle.internal.cell;

import io.heddle.internal.call.CallState;
import io.heddle.internal.mailbox.Lanes;
import io.heddle.internal.routing.Handover;
import io.heddle.internal.signals.SignalState;
import io.heddle.internal.supervision.ChildRecord;
import io.heddle.internal.table.TableEntry;
import io.heddle.internal.time.TimerHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashSet;
import java.util.function.Supplier;

/**
 * The per-concern parts of an actor that most actors never use, each allocated on first use by its concern: its place
 * in the actor table, its extra queues, its calls, its signals, its lifecycle, its timers, its supervisor's record and
 * its handover. An idle actor has no parts at all (one null field), so it stays small; an actor with one concern pays
 * for that one.
 *
 * <p>Parts that any thread may create are published by CAS, so two threads asking at once get the same part.
 */
final class CellParts<M> {

    private static final VarHandle TABLE;
    private static final VarHandle LANES;
    private static final VarHandle CALLS;
    private static final VarHandle SIGNALS;
    private static final VarHandle LIFECYCLE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TABLE = lookup.findVarHandle(CellParts.class, "table", TableEntry.class);
            LANES = lookup.findVarHandle(CellParts.class, "lanes", Lanes.class);
            CALLS = lookup.findVarHandle(CellParts.class, "calls", CallState.class);
            SIGNALS = lookup.findVarHandle(CellParts.class, "signals", SignalState.class);
            LIFECYCLE = lookup.findVarHandle(CellParts.class, "lifecycle", LifecycleState.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    volatile TableEntry table;
    volatile Lanes lanes;
    volatile CallState calls;
    volatile SignalState signals;
    volatile LifecycleState<M> lifecycle;
    /** The actor's timers. Actor thread only. */
    HashSet<TimerHandle> timers;
    /** Set once before the actor is published, for a supervisor's child. */
    ChildRecord child;
    /** Takes the messages this actor will never handle, instead of dead letters (a pool's worker). */
    volatile Handover handover;

    TableEntry table() {
        TableEntry t = table;
        return t != null ? t : create(TABLE, TableEntry::new);
    }

    Lanes lanes() {
        Lanes l = lanes;
        return l != null ? l : create(LANES, Lanes::new);
    }

    CallState calls() {
        CallState c = calls;
        return c != null ? c : create(CALLS, CallState::new);
    }

    SignalState signals() {
        SignalState s = signals;
        return s != null ? s : create(SIGNALS, SignalState::new);
    }

    @SuppressWarnings("unchecked")
    LifecycleState<M> lifecycle() {
        LifecycleState<M> l = lifecycle;
        return l != null ? l : (LifecycleState<M>) create(LIFECYCLE, LifecycleState::new);
    }

    HashSet<TimerHandle> timers() {
        if (timers == null) timers = new HashSet<>();
        return timers;
    }

    @SuppressWarnings("unchecked")
    private <T> T create(VarHandle field, Supplier<T> factory) {
        T created = factory.get();
        return field.compareAndSet(this, null, created) ? created : (T) field.getVolatile(this);
    }
}
