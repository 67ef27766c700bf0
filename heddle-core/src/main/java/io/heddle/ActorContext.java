package io.heddle;

import io.heddle.internal.cell.CellContext;
import io.heddle.internal.cell.StubContext;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An actor's handle on the runtime while it handles a message: itself, its children, timers, its behavior stack, its
 * stash and selective receive.
 *
 * <p>Threading: call only from the actor's own thread, inside {@code init}, a handler or a setup factory. A call from
 * any other thread fails with {@link IllegalStateException}. {@link #self()} is the exception: the reference it returns
 * may be shared freely.
 *
 * @param <M> the type of messages the actor accepts
 */
public sealed interface ActorContext<M> permits CellContext, StubContext {

    /** Returns a reference to this actor. Thread-safe. */
    ActorRef<M> self();

    /** Returns this actor's pid. Thread-safe. */
    default Pid pid() {
        return self().pid();
    }

    /** Returns the system this actor lives in. Thread-safe. */
    ActorSystem system();

    /**
     * Spawns a child: it stops when this actor stops, before this actor's terminate hook runs, in reverse order of
     * spawn.
     *
     * @throws ActorSystemStoppedException if the system is shutting down
     */
    <C> ActorRef<C> spawn(Behavior<C> behavior, SpawnOptions options);

    /** Spawns a child with default options. */
    default <C> ActorRef<C> spawn(Behavior<C> behavior) {
        return spawn(behavior, SpawnOptions.defaults());
    }

    /** Spawns a linked child with default options. See {@link #spawnLink(Behavior, SpawnOptions)}. */
    default <C> ActorRef<C> spawnLink(Behavior<C> behavior) {
        return spawnLink(behavior, SpawnOptions.defaults());
    }

    /**
     * Stops this actor with {@link ExitReason#NORMAL} once the current message is handled. Messages still queued go to
     * dead letters.
     */
    void stop();

    /**
     * Asks a child of this actor to stop with {@link ExitReason#SHUTDOWN}, without waiting.
     *
     * @throws IllegalArgumentException if {@code child} is not a child of this actor
     */
    void stop(ActorRef<?> child);

    /**
     * Spawns a child and links it to this actor before it runs, so that neither can exit unnoticed by the other: Erlang's
     * {@code spawn_link}. See {@link #link(ActorRef)}.
     *
     * @throws ActorSystemStoppedException if the system is shutting down
     */
    <C> ActorRef<C> spawnLink(Behavior<C> behavior, SpawnOptions options);

    /**
     * Links this actor and {@code other}, both ways. When either exits abnormally ({@link ExitReason#isAbnormal()}),
     * the other gets an exit signal: if it traps exits ({@link #trapExits}) the signal arrives as a message, otherwise
     * it exits too with {@link ExitReason.Linked}. Normal exits reach only trapping actors. Linking twice is the same as
     * linking once. Linking to an actor that has already stopped delivers its exit signal at once, with
     * {@link ExitReason#NOPROC}.
     *
     * @throws IllegalArgumentException if {@code other} is this actor
     */
    void link(ActorRef<?> other);

    /**
     * Removes the link with {@code other}, both ways; an exit signal from it that has not been handled yet is discarded.
     * Unlinking actors that are not linked does nothing.
     */
    void unlink(ActorRef<?> other);

    /**
     * From now on, exit signals from linked actors, normal or not, arrive as messages built by {@code adapter} instead of
     * stopping this actor: Erlang's {@code process_flag(trap_exit, true)}. The signals travel in the control lane, so
     * they are never dropped and are handled ahead of queued user messages. {@link ActorRef#kill()} still kills.
     *
     * {@snippet :
     * record WorkerExited(ExitSignal signal) implements ManagerMsg {}
     * ctx.trapExits(WorkerExited::new);
     * }
     */
    void trapExits(Function<? super ExitSignal, ? extends M> adapter);

    /** Stops trapping exits: an abnormal exit of a linked actor stops this one again. */
    void stopTrappingExits();

    /**
     * Monitors {@code target}: when it stops, this actor gets a {@link Down} notice, turned into one of its own messages
     * by {@code adapter}. Monitors are one-way and stack: each call makes a new monitor and, in the end, a new notice.
     * Monitoring an actor that has already stopped delivers the notice at once, with {@link ExitReason#NOPROC}.
     *
     * @return the monitor, to {@link #demonitor} it and to recognise its notice
     * @throws IllegalArgumentException if {@code target} is this actor
     */
    MonitorRef monitor(ActorRef<?> target, Function<? super Down, ? extends M> adapter);

    /**
     * Ends a monitor; its notice, if already on its way, is discarded. Returns true if the monitor was active.
     */
    boolean demonitor(MonitorRef monitor);

    /**
     * Reports this actor's health, which {@link ActorRef#health()} returns and supervisors aggregate. Every actor
     * starts {@link Health#HEALTHY}.
     */
    void reportHealth(Health health);

    /** Pushes {@code behavior} onto the behavior stack: it handles the next messages until {@link #unbecome()}. */
    void become(Behavior<M> behavior);

    /**
     * Pops the behavior stack, going back to the behavior before the last {@link #become(Behavior)}.
     *
     * @throws IllegalStateException if nothing was pushed
     */
    void unbecome();

    /**
     * Sends {@code message} to this actor after {@code delay}. After {@link Cancellable#cancel()} returns, called from
     * this actor, the message will not be handled even if it was already queued. Timers end when the actor stops.
     */
    Cancellable sendAfter(M message, Duration delay);

    /**
     * Sends {@code message} to this actor every {@code interval}, first after one interval, at a fixed rate. A tick
     * that finds the mailbox full goes to dead letters rather than waiting.
     */
    Cancellable sendInterval(M message, Duration interval);

    /**
     * Sets the message being handled aside; {@link #unstashAll()} puts stashed messages back at the front of the
     * mailbox, in their original order. A pending call stays pending while its request is stashed.
     *
     * @throws IllegalStateException outside a message handler
     */
    void stash();

    /** Puts every stashed message back at the front of the mailbox, oldest first. */
    void unstashAll();

    /** Returns the number of stashed messages. */
    int stashSize();

    /**
     * Selective receive, as in Erlang: waits up to {@code timeout} for the first queued message that matches, takes it
     * out of the mailbox and returns it, and leaves every other message queued in its order. Control messages are not
     * matched. While waiting, only this actor is blocked.
     *
     * <p>A message taken here is not passed to the behavior; if it is a call, reply to it through its
     * {@link ReplyTo}.
     *
     * @return the message, or empty when the timeout passes first
     * @throws ActorInterruptedException if the actor is killed or its wait is interrupted
     */
    Optional<M> receive(Predicate<? super M> matcher, Duration timeout);

    /** Selective receive of the first queued message of {@code type}. See {@link #receive(Predicate, Duration)}. */
    default <T extends M> Optional<T> receive(Class<T> type, Duration timeout) {
        return receive(type::isInstance, timeout).map(type::cast);
    }

    /**
     * Registers {@code hook} to run when this actor stops for any reason but {@link ExitReason#KILLED}, after its
     * children have stopped and in reverse order of registration. Use it in {@link Behaviors#setup} to release what
     * setup acquired.
     */
    void onTerminate(Consumer<ExitReason> hook);
}
