package io.heddle.spi;

import io.heddle.ActorSystem;
import io.heddle.ExitReason;
import io.heddle.Pid;
import io.heddle.inspect.ActorKind;
import io.heddle.scheduling.HandlerKind;
import java.time.Duration;

/**
 * Hears what the runtime does, for metrics, tracing, flight recording and logging adapters (the
 * {@code heddle-observe} module has them for Micrometer, OpenTelemetry, JFR and SLF4J). Install observers with
 * {@link io.heddle.ActorSystemConfig#observer(ActorObserver)}. Every method does nothing by default; a system with
 * no observer calls none of them.
 *
 * <p><b>Message tracing.</b> An observer that returns true from {@link #tracesMessages()} is called on the sender's
 * thread by every cast and call ({@link #onSend}), and what it returns travels with the message; on the receiver's
 * thread {@link #beforeHandler} gets it back before the handler runs and {@link #afterHandler} after. That is enough to
 * carry a trace context from sender to receiver, or to put the actor in a logging context.
 *
 * <p><b>Threading.</b> Methods are called on runtime threads, often concurrently, and those about messages on the
 * hot path: return quickly and never block. An exception thrown by an observer is logged and ignored: it fails
 * neither the send nor the handler, and an observer whose {@code beforeHandler} threw gets no {@code afterHandler}.
 */
public interface ActorObserver {

    /** The system was created and is about to run actors: subscribe to its dead letters here, for example. */
    default void systemStarted(ActorSystem system) {}

    /** The system has stopped its actors. */
    default void systemStopped(ActorSystem system) {}

    /**
     * An actor or task started: its init has run. Called on the actor's thread (or the spawning thread, for an actor
     * with nothing to initialise).
     *
     * @param label what metrics tag it by (see {@link ActorInfo#label()})
     */
    default void actorStarted(Pid pid, String name, String label, ActorKind kind) {}

    /**
     * An actor or task stopped, after {@code lifetime}. Called on its thread once it has run its terminate hooks and
     * left the actor table, and before its links, monitors and {@link io.heddle.ActorRef#termination()} hear of it: so
     * before a supervisor can restart it, and before {@link #actorRestarted} for the same exit.
     */
    default void actorStopped(Pid pid, String name, String label, ActorKind kind, ExitReason reason,
                              Duration lifetime) {}

    /**
     * A supervisor restarted a child: {@code previous} exited with {@code reason}, and {@code next} replaces it; the
     * child has now been restarted {@code restarts} times. Called on the supervisor's thread.
     */
    default void actorRestarted(Pid supervisor, String childId, Pid previous, Pid next, ExitReason reason,
                                int restarts) {}

    /** Returns true to have {@link #onSend}, {@link #beforeHandler} and {@link #afterHandler} called. */
    default boolean tracesMessages() {
        return false;
    }

    /**
     * A message is being sent to {@code target} (cast, call, urgent or not), on the sender's thread. Returns what should
     * travel with it to the handler (a trace context, say), or null.
     */
    default Object onSend(Pid target, Object message) {
        return null;
    }

    /**
     * A handler is about to run, on the actor's thread. {@code carried} is what {@link #onSend} returned for this
     * message (null for timers and signals). Returns a token for {@link #afterHandler}.
     */
    default Object beforeHandler(Pid actor, String name, String label, HandlerKind kind, Object message,
                                 Object carried) {
        return null;
    }

    /** The handler that {@code token} came from has ended, with {@code failure} if it threw. */
    default void afterHandler(Object token, Throwable failure) {}
}
