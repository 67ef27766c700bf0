package io.heddle;

import io.heddle.inspect.Inspector;
import io.heddle.internal.system.SystemImpl;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;

/**
 * The home of a group of actors: it runs them, times them and stops them.
 *
 * {@snippet :
 * try (ActorSystem system = ActorSystem.create("demo")) {
 *     ActorRef<CounterMsg> counter = system.spawn(new Counter());
 *     counter.cast(new Add(2));
 *     System.out.println(counter.call(Get::new));   // 2
 * }                                                 // graceful shutdown
 * }
 *
 * <p>Several systems may live in one JVM; each has its own workers, timers and dead letters, and pids are unique
 * across all of them.
 *
 * <p>Shutdown ({@link #close()}) stops the top-level actors in reverse order of spawn; each stops its own children
 * first, likewise in reverse order. The system waits for each actor up to
 * {@link ActorSystemConfig#shutdownTimeout()}, then kills it and moves on. After shutdown, spawning and calling fail
 * with {@link ActorSystemStoppedException}, and casts go to dead letters.
 *
 * <p>Threading: every method is thread-safe.
 */
public sealed interface ActorSystem extends AutoCloseable permits SystemImpl {

    /** Creates and starts a system with the default configuration. */
    static ActorSystem create(String name) {
        return create(ActorSystemConfig.defaults(name));
    }

    /** Creates and starts a system. */
    static ActorSystem create(ActorSystemConfig config) {
        return new SystemImpl(config);
    }

    /** Returns the system's name. */
    String name();

    /** Returns the system's configuration. */
    ActorSystemConfig config();

    /**
     * Spawns a top-level actor and returns at once; its init runs on its own thread before its first message. If init
     * fails, the actor exits with {@link ExitReason.Error} and queued messages go to dead letters.
     *
     * @throws ActorSystemStoppedException if the system is shutting down
     * @throws IllegalStateException       if {@code behavior} is an {@link Actor} instance that was spawned before
     */
    <M> ActorRef<M> spawn(Behavior<M> behavior, SpawnOptions options);

    /** Spawns a top-level actor with default options. See {@link #spawn(Behavior, SpawnOptions)}. */
    default <M> ActorRef<M> spawn(Behavior<M> behavior) {
        return spawn(behavior, SpawnOptions.defaults());
    }

    /**
     * Spawns a top-level actor and waits until its init has run, up to the call timeout.
     *
     * @throws ActorStartException if init threw or did not finish in time (the actor is then killed)
     */
    <M> ActorRef<M> start(Behavior<M> behavior, SpawnOptions options);

    /** Spawns with default options and waits for init. See {@link #start(Behavior, SpawnOptions)}. */
    default <M> ActorRef<M> start(Behavior<M> behavior) {
        return start(behavior, SpawnOptions.defaults());
    }

    /**
     * Returns the system's clock: the time its timers and timeouts run on. In production it is the system clock; in a
     * simulation (heddle-testkit) it is virtual. Actors that need the time should read it here, so that they can be
     * tested in virtual time.
     */
    InstantSource clock();

    /** Returns the system's registry of named actors. */
    Registry registry();

    /**
     * Returns a view into the running system: every actor with its state, the supervision tree, links, monitors,
     * recent dead letters and scheduling events. Cheap enough to use in production; see {@link Inspector}.
     */
    Inspector inspect();

    /** Returns the system's dead letters. */
    DeadLetters deadLetters();

    /** Returns true until shutdown begins. */
    boolean isRunning();

    /** Returns a future completed once the system has shut down. */
    CompletableFuture<Void> termination();

    /**
     * Stops every actor gracefully (see the type's documentation) and then the system's threads and timers. Returns
     * when all of it is done. Calling it again, or from several threads, is harmless: later calls wait for the first.
     *
     * @param perActorTimeout how long to wait for each actor before killing it
     */
    void shutdown(Duration perActorTimeout);

    /** Shuts down with {@link ActorSystemConfig#shutdownTimeout()} per actor. */
    @Override
    void close();
}
