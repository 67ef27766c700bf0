package io.heddle.internal.sched;

import io.heddle.internal.mailbox.Envelope;
import io.heddle.Cancellable;
import io.heddle.scheduling.HandlerKind;
import io.heddle.scheduling.TimeoutAction;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One running handler of an actor with a non-default {@link CellScheduling}: the thread it runs on, what it handles,
 * when it started, its timeout timer, and what it saved while suspended under reentrancy.
 *
 * <p><b>Interrupts.</b> A handler timeout interrupts {@link #thread}, but only while this handler still runs there: the
 * timer moves {@link #state} from RUNNING to INTERRUPTING, interrupts, and moves it back; the handler, when it ends,
 * moves it from RUNNING to DONE (waiting out an interrupt under way) and then clears the interrupt it was sent, so it
 * never reaches the next handler run on the same thread.
 */
public final class HandlerRun {

    static final int RUNNING = 0;
    static final int INTERRUPTING = 1;
    static final int DONE = 2;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(HandlerRun.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public final Thread thread;
    final Envelope envelope;
    public final HandlerKind kind;
    public final Class<?> messageType;
    public final long startNanos;
    /** The handler's deadline on the system clock under CANCEL and STOP, else {@link Long#MAX_VALUE}. */
    public final long deadline;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;
    /** Set by the timer once the timeout has passed: the action taken. */
    public volatile TimeoutAction fired;
    public Cancellable timer;

    // Reentrancy; touched only by the thread that holds the actor.
    /** The chain id of the wait this handler is suspended in (0 for a wait that admits no chain). */
    public long waitChainId;
    /** This handler's own chain id when it is the first caller of a chain, assigned on first need. */
    public long rootChainId;
    /** The envelope being handled, put aside while suspended (stash needs it back). */
    public Envelope savedCurrent;
    /** Set when the actor stopped while this handler was suspended: the handler no longer owns anything. */
    public volatile boolean detached;

    public HandlerRun(Thread thread, Envelope envelope, HandlerKind kind, Class<?> messageType, long startNanos,
               long deadline) {
        this.thread = thread;
        this.envelope = envelope;
        this.kind = kind;
        this.messageType = messageType;
        this.startNanos = startNanos;
        this.deadline = deadline;
    }

    /** Timer thread: interrupts the handler if it still runs. */
    public void interrupt() {
        if (STATE.compareAndSet(this, RUNNING, INTERRUPTING)) {
            try {
                thread.interrupt();
            } finally {
                state = RUNNING;
            }
        }
    }

    /** True until {@link #end()}. */
    public boolean isRunning() {
        return state != DONE;
    }

    /** Handler thread, once the handler has returned or thrown: stops the timer and absorbs its interrupt. */
    public void end() {
        Cancellable t = timer;
        if (t != null) t.cancel();
        if (!STATE.compareAndSet(this, RUNNING, DONE)) {
            while (state == INTERRUPTING) Thread.onSpinWait();
            state = DONE;
        }
        TimeoutAction action = fired;
        if (action != null && action != TimeoutAction.WARN) Thread.interrupted();
    }
}
