package io.heddle.inspect;

import io.heddle.ActorRef;
import io.heddle.DeadLetter;
import io.heddle.Pid;
import io.heddle.scheduling.SchedulingEvent;
import java.util.List;
import java.util.Optional;

/**
 * A view into a running system, Erlang's {@code observer} as an API: every actor and task with its state, the
 * supervision tree, the links and monitors between actors, recent dead letters and scheduling events. Get it from
 * {@link io.heddle.ActorSystem#inspect()}.
 *
 * <p><b>Cost.</b> Nothing until called: the runtime keeps the counters it reports (messages handled, when the current
 * handler started) at the cost of a field write per message. A call takes the actor table's lock only to copy
 * references, about two nanoseconds an actor, and reads every other field without stopping anybody, so it never
 * blocks a handler; {@link #actors()} on a million actors takes tens of milliseconds of the caller's time.
 *
 * <p><b>Consistency.</b> Each result is a snapshot taken while actors run: an actor may stop, or a count move on,
 * between two fields. Calls never fail because actors come and go.
 *
 * <p>Thread-safe; call from any thread.
 */
public sealed interface Inspector permits io.heddle.internal.observe.InspectorImpl {

    /** Returns the system's summary. */
    SystemInfo system();

    /** Returns every live actor and task, parents before children, in spawn order. */
    List<ActorInfo> actors();

    /** Returns one actor or task, if it is alive. */
    Optional<ActorInfo> actor(Pid pid);

    /**
     * Returns a reference to a live actor or task by its pid, for tools that act on what they inspect (a dashboard's
     * stop button). Empty if no live actor has that pid. The message type is unknown here: use the reference for
     * {@link ActorRef#stop()}, {@link ActorRef#kill()}, watching and comparing, not for sending.
     */
    Optional<ActorRef<?>> ref(Pid pid);

    /** Returns the supervision tree. */
    ActorTree tree();

    /** Returns every link between live actors, each once. */
    List<Link> links();

    /** Returns every monitor on a live actor. */
    List<Monitor> monitors();

    /** Returns the most recent dead letters, oldest first (see {@link io.heddle.DeadLetters#recent()}). */
    List<DeadLetter> deadLetters();

    /** Returns the system's open routers and pools, with their routees and their load. */
    List<RouterInfo> routers();

    /** Returns the most recent scheduling events (timed-out handlers, blocked workers, starvation), oldest first. */
    List<SchedulingEvent> schedulingEvents();
}
