package io.heddle.internal.call;

import io.heddle.internal.mailbox.EnvelopeMeta;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.dispatch.TurnRunner;
import io.heddle.internal.dispatch.Waits;
import io.heddle.internal.sched.HandlerRun;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.ActorInterruptedException;
import io.heddle.ActorStoppedException;
import io.heddle.CallFailedException;
import io.heddle.CallTimeoutException;
import io.heddle.Cancellable;
import io.heddle.DeadLetter;
import io.heddle.ExitReason;
import io.heddle.MailboxFullException;
import io.heddle.ReplyTo;
import io.heddle.scheduling.CallChain;
import io.heddle.scheduling.HandlerTimeoutException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * One outstanding call: the reply handle the callee answers through and the slot the caller waits on.
 *
 * <p>States: {@code outcome} is null while pending, then set once by CAS to a value (the reply, {@link #NULL_REPLY}
 * for null), a {@link Failure}, or {@link #ABANDONED} when the caller gave up (timeout or interrupt). Whoever loses
 * the CAS with a reply dead-letters it as {@link DeadLetter.Reason#LATE_REPLY}; nothing else refers to a pending reply,
 * so an abandoned one is garbage as soon as the request message is.
 *
 * <p>A blocking caller parks on {@code waiter}; an asynchronous one gets {@code future}, completed by the answering
 * thread, with its timeout on the system clock.
 */
public final class PendingReply<R> implements ReplyTo<R>, EnvelopeMeta {

    /**
     * How long a blocking caller polls for its reply before parking: 100 spins, a microsecond or two. Measured: a call
     * from a virtual thread takes about 450 ns with it and 1,500 ns without (docs/benchmarks.md).
     */
    private static final int CALLER_SPINS = 100;
    private static final Object NULL_REPLY = new Object();
    private static final Object ABANDONED = new Object();
    private static final VarHandle OUTCOME;

    static {
        try {
            OUTCOME = MethodHandles.lookup().findVarHandle(PendingReply.class, "outcome", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Why a call failed; turned into an exception on the caller's thread, so its stack trace is the caller's. */
    private record Failure(Kind kind, Throwable cause, ExitReason exitReason, String detail) {}

    private enum Kind { HANDLER, STOPPED, STOPPED_AFTER_HANDLING, MAILBOX, UNHANDLED, TIMED_OUT }

    private final ActorCell<?> target;
    private final long startNanos;
    /** Set by the caller right after it builds the request, before the request is sent. */
    private Class<?> requestType = Object.class;
    @SuppressWarnings("unused") // accessed through OUTCOME
    private volatile Object outcome;
    /** The blocked caller; written by the caller before it checks {@code outcome}, read by the answering thread. */
    private volatile Thread waiter;
    /** For callAsync only. */
    private final CompletableFuture<R> future;
    /** The async timeout timer; cancelled once answered. */
    private volatile Cancellable timeoutTimer;
    /**
     * The caller's scope: its deadline (on the caller's clock, {@link Long#MAX_VALUE} if none) bounds the handler's
     * own calls; set by the caller before the request is sent. {@code scoped} is false for a call made outside any
     * scope, whose handler then runs outside any too.
     */
    public long deadline = Long.MAX_VALUE;
    public boolean scoped;
    /** True if the call's timeout was the scope's deadline, for the timeout message. */
    public boolean deadlineBound;
    /** The chain the call travels in, or null for a call from outside actors; set before the request is sent. */
    public CallChain chain;
    /** What the system's observers carry with the call (a trace context), or null; set before it is sent. */
    public Object carried;

    public PendingReply(ActorCell<?> target, long startNanos, boolean async) {
        this.target = target;
        this.startNanos = startNanos;
        this.future = async ? new CompletableFuture<>() : null;
    }

    public void requestType(Class<?> type) {
        this.requestType = type;
    }

    public Class<?> requestType() {
        return requestType;
    }

    public ActorCell<?> target() {
        return target;
    }

    public CompletableFuture<R> future() {
        return future;
    }

    @Override
    public boolean reply(R value) {
        if (settle(value == null ? NULL_REPLY : value)) return true;
        target.lateReply(value == null ? "null reply" : value);
        return false;
    }

    @Override
    public boolean fail(Throwable cause) {
        java.util.Objects.requireNonNull(cause, "cause");
        if (settle(new Failure(Kind.HANDLER, cause, null, "the handler answered with a failure"))) return true;
        target.lateReply(cause);
        return false;
    }

    @Override
    public boolean isDone() {
        return outcome != null;
    }

    /** Returns true once the caller has given up (timed out, or was interrupted). */
    public boolean isAbandoned() {
        return outcome == ABANDONED;
    }

    /** The handler threw while handling the request. */
    public void handlerFailed(Throwable cause) {
        settle(new Failure(Kind.HANDLER, cause, null, "the handler threw " + cause.getClass().getName()));
    }

    /** The handler overran its timeout and was cancelled, or stopped its actor. */
    public void handlerTimedOut(HandlerTimeoutException cause) {
        settle(new Failure(Kind.TIMED_OUT, cause, null, cause.getMessage()));
    }

    /** A handler had the request, and the actor stopped before answering it (a deferred reply, a detached turn). */
    public void stoppedAfterHandling(ExitReason exitReason) {
        settle(new Failure(Kind.STOPPED_AFTER_HANDLING, null, exitReason, DeadLetter.Reason.RECIPIENT_STOPPED
                .description()));
    }

    /** The request was not delivered, or the actor stopped with it still queued: no handler had it. */
    public void undelivered(DeadLetter.Reason reason, ExitReason exitReason) {
        Kind kind = switch (reason) {
            case RECIPIENT_STOPPED -> Kind.STOPPED;
            case UNHANDLED -> Kind.UNHANDLED;
            default -> Kind.MAILBOX;
        };
        settle(new Failure(kind, null, exitReason, reason.description()));
    }

    private boolean settle(Object result) {
        if (!OUTCOME.compareAndSet(this, null, result)) return false;
        unexport();
        if (future != null) {
            Cancellable timer = timeoutTimer;
            if (timer != null) timer.cancel();
            completeFuture(result);
        } else {
            Thread w = waiter;
            if (w != null) LockSupport.unpark(w);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private void completeFuture(Object result) {
        if (result instanceof Failure f) future.completeExceptionally(toException(f));
        else future.complete(result == NULL_REPLY ? null : (R) result);
    }

    /** Arms the timeout of an async call. */
    public void armTimeout(RuntimeClock clock, long timeoutNanos) {
        timeoutTimer = clock.schedule(timeoutNanos, () -> {
            if (OUTCOME.compareAndSet(this, null, ABANDONED)) {
                unexport();
                future.completeExceptionally(timeoutException(target.clock().nanoTime(), null));
            }
        });
        if (outcome != null) timeoutTimer.cancel();
    }

    /**
     * Waits for the answer until {@code deadlineNanos}. Only the calling actor waits: a dispatcher worker hands its
     * place to another before parking. {@code caller} is the actor whose handler calls, or null: under reentrancy its
     * handler lets other messages run while it waits, and takes the actor back before returning.
     */
    @SuppressWarnings("unchecked")
    public R await(long deadlineNanos, ActorCell<?> caller) {
        Object result = outcome;
        // A reply often comes within a microsecond: wait for it briefly before parking, which costs the caller a
        // hand-off of its own (the wake-up) on top of the callee's.
        for (int i = 0; result == null && i < CALLER_SPINS; i++) {
            Thread.onSpinWait();
            result = outcome;
        }
        if (result == null) {
            RuntimeClock clock = target.clock();
            waiter = Thread.currentThread();
            TurnRunner blocked = null;
            HandlerRun suspended = null;
            try {
                while ((result = outcome) == null) {
                    long now = clock.nanoTime();
                    long remaining = deadlineNanos - now;
                    if (remaining <= 0) {
                        if (OUTCOME.compareAndSet(this, null, ABANDONED)) throw timeoutException(now, caller);
                        continue;
                    }
                    if (blocked == null) {
                        blocked = TurnRunner.beginBlocking();
                        if (caller != null) suspended = caller.suspend(chain == null ? 0 : chain.id());
                    }
                    clock.parkNanos(this, remaining);
                    if (Thread.interrupted()) {
                        if (OUTCOME.compareAndSet(this, null, ABANDONED)) {
                            Thread.currentThread().interrupt();
                            throw new ActorInterruptedException("interrupted while waiting for " + target
                                    + " to reply to " + requestType.getSimpleName());
                        }
                        Thread.currentThread().interrupt();
                    }
                }
            } finally {
                unexport(); // abandoned (timed out, interrupted): out of the exported calls, if it was there
                try {
                    if (suspended != null) caller.resume(suspended);
                } finally {
                    TurnRunner.endBlocking(blocked);
                    waiter = null;
                }
            }
        }
        if (result instanceof Failure f) throw toException(f);
        return result == NULL_REPLY ? null : (R) result;
    }

    private CallTimeoutException timeoutException(long now, ActorCell<?> caller) {
        Duration elapsed = Duration.ofNanos(now - startNanos);
        int depth = target.mailboxSize();
        String head = "call to " + target + " timed out after " + elapsed.toMillis() + " ms waiting for a reply to "
                + requestType.getSimpleName() + " (mailbox depth " + depth + ")";
        String why = deadlineBound
                ? ": the deadline of the enclosing CancellationScope passed. The work inside the scope took longer "
                        + "than its deadline allows."
                : ". The actor may be overloaded, blocked in a handler, or never reply to this message; check the "
                        + "handler or pass a longer timeout to call(request, timeout).";
        String waits = target.describeWaits(caller);
        return new CallTimeoutException(target.pid(), requestType,
                head + why + (waits.isEmpty() ? "" : " Meanwhile " + waits + "."), elapsed, depth);
    }

    private CallFailedException toException(Failure f) {
        String type = requestType.getSimpleName();
        return switch (f.kind()) {
            case HANDLER -> new CallFailedException(target.pid(), requestType,
                    "call to " + target + " with " + type + " failed: " + f.detail() + ": " + f.cause(), f.cause());
            case STOPPED, STOPPED_AFTER_HANDLING -> {
                boolean handled = f.kind() == Kind.STOPPED_AFTER_HANDLING;
                yield new ActorStoppedException(target.pid(), requestType,
                        "call to " + target + " with " + type + " failed: the actor has stopped"
                                + (f.exitReason() == null ? "" : " (" + f.exitReason() + ")")
                                + (handled ? " after its handler had the request, before replying."
                                        : " before any handler had the request.")
                                + " Check isAlive() or watch the actor before calling it, or call it by its registered "
                                + "name, which waits for a restarted successor.",
                        f.exitReason(), handled);
            }
            case UNHANDLED -> new CallFailedException(target.pid(), requestType,
                    "call to " + target + " with " + type + " failed: the actor's behavior returned "
                            + "Behaviors.unhandled() for it. Check that the actor's current behavior accepts " + type
                            + ".", null);
            case TIMED_OUT -> new CallFailedException(target.pid(), requestType,
                    "call to " + target + " with " + type + " failed: " + f.detail(), f.cause());
            case MAILBOX -> new MailboxFullException(target.pid(), requestType,
                    "call to " + target + " with " + type + " failed: " + f.detail() + " (capacity "
                            + target.mailboxCapacity() + "). The actor is not keeping up; slow the callers down or"
                            + " give it a larger mailbox.");
        };
    }

    // ------------------------------------------------------------------------------------------------ export
    // For io.heddle.spi.CodecContext: a call whose handle a codec exports gets a call id and an entry in its system's
    // ExportedCalls, removed when the call is settled (settle) or abandoned (await, armTimeout). Other calls pay one
    // volatile read of {@code export} when they end.

    private static final VarHandle EXPORT;

    static {
        try {
            EXPORT = MethodHandles.lookup().findVarHandle(PendingReply.class, "export", Export.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Where a call is exported, under which id. */
    private record Export(ExportedCalls table, long id) {}

    /**
     * When the caller stops waiting, on the caller's clock ({@link Long#MAX_VALUE} for never); written by the caller
     * before the request is sent, so whoever handles the request reads it.
     */
    public long callDeadline = Long.MAX_VALUE;
    @SuppressWarnings("unused") // accessed through EXPORT
    private volatile Export export;

    /** Gives the call its id in {@code table} on the first export, and returns it; later exports get the same id. */
    long bindExport(ExportedCalls table, long newId) {
        Export bound = export;
        if (bound == null) {
            Export mine = new Export(table, newId);
            bound = EXPORT.compareAndSet(this, null, mine) ? mine : export;
        }
        if (bound.table() != table) {
            throw new IllegalStateException("the reply handle of this call to " + target + " is already exported by "
                    + "another codec context");
        }
        return bound.id();
    }

    private void unexport() {
        Export bound = export;
        if (bound != null) bound.table().remove(bound.id(), this);
    }
}
