package io.heddle;

import io.heddle.internal.ref.Recipient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A handle on an actor: send it messages, call it, watch it stop.
 *
 * {@snippet :
 * ActorRef<CounterMsg> counter = system.spawn(new Counter());
 * counter.cast(new Add(5));                         // fire and forget
 * int total = counter.call(Get::new);               // request and reply, 5 s default timeout
 * }
 *
 * <p>References are cheap to pass around, compare by {@link #pid()} and stay valid after the actor stops: sending to a
 * stopped actor dead-letters the message, calling one fails at once with {@link ActorStoppedException}. A reference
 * keeps a stopped actor's small tombstone reachable, not its state; {@link #weak()} keeps nothing.
 *
 * <p>Guarantees: at-most-once delivery; messages from one sender to one receiver arrive in the order sent; every
 * message that is not delivered becomes a {@link DeadLetter} with its reason.
 *
 * <p>Threading: every method is thread-safe.
 *
 * @param <M> the type of messages the actor accepts
 */
public sealed interface ActorRef<M> extends Comparable<ActorRef<?>> permits Recipient {

    /** Returns the actor's pid. */
    Pid pid();

    /** Returns the actor's name, or empty if it was spawned without one. */
    Optional<String> name();

    /**
     * Sends {@code message} without waiting for it to be handled. If the mailbox is a full {@link Mailbox.Fixed}, waits
     * for space up to the system's send timeout (only the calling actor waits, never a carrier thread). A message that
     * cannot be delivered goes to dead letters with the reason; {@code cast} itself never fails for that.
     *
     * @throws NullPointerException if {@code message} is null
     */
    void cast(M message);

    /**
     * Sends {@code message} if it can be done without waiting, and says what happened; a message that was not
     * delivered is handed back in the result rather than dead-lettered.
     *
     * @throws NullPointerException if {@code message} is null
     */
    SendResult<M> tryCast(M message);

    /**
     * Like {@link #tryCast(Object)}, but waits up to {@code timeout} for space in a full {@link Mailbox.Fixed}.
     *
     * @throws NullPointerException if {@code message} is null
     */
    SendResult<M> tryCast(M message, Duration timeout);

    /**
     * Sends {@code message} as urgent: it is handled before every ordinary message already queued, after control
     * messages (stop, kill, exit signals, down notices) and after urgent messages sent before it. Urgent messages do
     * not count against the mailbox's capacity and are never dropped or made to wait, so keep them rare and small:
     * cancellations, health checks, configuration changes. If the actor has stopped, the message goes to dead letters.
     *
     * @throws NullPointerException if {@code message} is null
     */
    void castUrgent(M message);

    /**
     * Sends a request and waits for its reply, up to the system's default call timeout (5 seconds unless
     * configured). The request is built from the reply handle, so a reply of the wrong type does not compile:
     *
     * {@snippet :
     * record Get(ReplyTo<Integer> replyTo) implements CounterMsg {}
     * int total = counter.call(Get::new);
     * }
     *
     * <p>Called from inside a handler, only the calling actor waits: its worker parks and others keep running.
     *
     * @return the reply (which may be null if the handler replied null)
     * @throws ActorStoppedException       if the actor is stopped, or stops before replying
     * @throws CallTimeoutException        if no reply comes in time; a later reply is discarded to dead letters
     * @throws CallFailedException         if the handler threw, or replied with {@link ReplyTo#fail(Throwable)}
     * @throws MailboxFullException        if a {@link Mailbox.Dropping} mailbox dropped the request or a
     *                                     {@link Mailbox.Sliding} one evicted it
     * @throws ActorSystemStoppedException if the actor's system has stopped
     * @throws CallDeadlockException      if the call would close a cycle of actors waiting on each other; the request
     *                                     is not sent
     * @throws IllegalStateException       if an actor without {@link io.heddle.scheduling.Reentrancy} calls itself,
     *                                     which could never complete
     */
    <R> R call(Function<ReplyTo<R>, ? extends M> request);

    /** Like {@link #call(Function)} with an explicit timeout. */
    <R> R call(Function<ReplyTo<R>, ? extends M> request, Duration timeout);

    /**
     * Like {@link #call(Function, Duration)}, but the request is urgent: it overtakes ordinary queued messages, as
     * {@link #castUrgent(Object)} does.
     */
    <R> R callUrgent(Function<ReplyTo<R>, ? extends M> request, Duration timeout);

    /**
     * Sends a request and returns at once with a future of the reply. The future fails with the exceptions
     * {@link #call(Function)} throws. Completion happens on a Heddle thread: keep dependent actions short.
     */
    <R> CompletableFuture<R> callAsync(Function<ReplyTo<R>, ? extends M> request, Duration timeout);

    /** Asks the actor to stop with {@link ExitReason#SHUTDOWN} before its next message; returns without waiting. */
    void stop();

    /**
     * Kills the actor with {@link ExitReason#KILLED}: it stops before its next message without running terminate
     * hooks, and a handler that is blocked is interrupted. Returns without waiting.
     */
    void kill();

    /** Returns true until the actor has stopped. */
    boolean isAlive();

    /** Returns a future that completes with the exit reason once the actor has stopped and released its resources. */
    CompletableFuture<ExitReason> termination();

    /**
     * Returns the health the actor last reported with {@link ActorContext#reportHealth} ({@link Health#HEALTHY} until
     * it reports one), or {@link Health.Unhealthy} once it has stopped. A supervisor's health aggregates its
     * children's.
     */
    Health health();

    /** Returns a reference that does not keep the actor reachable once it has stopped. */
    WeakActorRef<M> weak();

    /** Orders references by pid. */
    @Override
    default int compareTo(ActorRef<?> other) {
        return pid().compareTo(other.pid());
    }
}
