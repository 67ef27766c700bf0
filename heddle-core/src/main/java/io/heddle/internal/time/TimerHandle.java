package io.heddle.internal.time;

import io.heddle.internal.mailbox.EnvelopeMeta;
import io.heddle.internal.cell.ActorCell;
import io.heddle.Cancellable;

/**
 * An actor timer: on each firing it enqueues its message to the actor, tagged with itself, so that a message queued
 * before {@link #cancel()} is skipped when the actor takes it out.
 */
public final class TimerHandle implements Cancellable, Runnable, EnvelopeMeta {

    private final ActorCell<?> cell;
    private final Object message;
    public final boolean periodic;
    private volatile boolean cancelled;
    /** Written by the actor thread right after scheduling; read by cancel. */
    private volatile Cancellable scheduled;

    public TimerHandle(ActorCell<?> cell, Object message, boolean periodic) {
        this.cell = cell;
        this.message = message;
        this.periodic = periodic;
    }

    public void arm(Cancellable underlying) {
        scheduled = underlying;
        if (cancelled) underlying.cancel();
    }

    /** Runs on the timer thread: never blocks. */
    @Override
    public void run() {
        if (!cancelled) cell.deliverTimer(message, this);
    }

    @Override
    public boolean cancel() {
        if (cancelled) return false;
        cancelled = true;
        Cancellable s = scheduled;
        if (s != null) s.cancel();
        return true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
