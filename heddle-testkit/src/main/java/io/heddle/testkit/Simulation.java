package io.heddle.testkit;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.ExitReason;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.testing.DeliveryInterceptor;
import io.heddle.testkit.internal.FaultPlan;
import io.heddle.testkit.internal.SimRuntimes;
import io.heddle.testkit.internal.SimScheduler;
import io.heddle.testkit.internal.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * A deterministic run of real actor systems: one seeded scheduler decides which simulated thread runs next, time is
 * virtual and moves only when nothing can run, and faults are injected on purpose. Given a seed, the whole run, down to
 * the order of every scheduling decision, is the same every time, so a failing concurrent test is replayed from its
 * seed instead of being a flaky mystery.
 *
 * {@snippet :
 * Simulation.withSeed(42).run(sim -> {
 *     ActorSystem system = sim.newSystem("shop");          // production code, unchanged
 *     ActorRef<CounterMsg> counter = system.spawn(new Counter());
 *     counter.cast(new Add(1));
 *     sim.advance(Duration.ofMinutes(5));                   // five minutes of timers, in milliseconds
 *     assertEquals(1, (int) counter.call(Get::new));
 * });
 * }
 *
 * <h2>How it runs</h2>
 * The body runs on a simulated main thread; the thread that calls {@link #run} drives the simulation and returns when
 * the body has returned, its systems are closed and nothing can run. Every thread of a system made with
 * {@link #newSystem} (dispatcher workers, actors' own threads, threads they start) is a simulated virtual thread; only
 * one runs at a time. When none can run, the driver fires the next timer (call and receive timeouts, {@code sendAfter},
 * restart backoffs: everything on the system's clock), jumping virtual time to it. If nothing can run and no timer is
 * set while the body still waits, the run fails with every thread's stack: a deadlock.
 *
 * <h2>Strict mode</h2>
 * By default a simulation is strict: code that waits on real time (a {@code Thread.sleep}, a JDK timed park,
 * {@code poll} or {@code get} with a timeout) escapes the seed's control, so the run fails and shows where the wait is.
 * {@link #lenient()} waits for such threads in real time instead, giving up determinism for them.
 *
 * <h2>Requirements and limits</h2>
 * The JVM needs {@code --add-opens java.base/java.lang=io.heddle.testkit} ({@code =ALL-UNNAMED} on the class path).
 * Code under simulation must not block inside a class initializer (it would hold the one carrier) and should read the
 * time from {@link ActorSystem#clock()}; {@code System.nanoTime} cannot be intercepted.
 *
 * <p>Threading: build and {@link #run} it on a platform thread (a JUnit test thread); call the controls
 * ({@link #runUntilIdle}, {@link #advance} and the rest) from the body. A simulation runs once.
 */
public final class Simulation {

    /** The system property that replays one seed: {@code -Dheddle.sim.seed=1234}. */
    public static final String SEED_PROPERTY = "heddle.sim.seed";

    /** The body of a simulation. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs inside the simulation.
         *
         * @param sim the simulation, for its controls
         * @throws Exception to fail the simulation
         */
        void run(Simulation sim) throws Exception;
    }

    private final long seed;
    private final boolean strict;
    private final long maxSteps;
    private final int traceCapacity;
    private final VirtualTime time = new VirtualTime();
    private final FaultPlan faults = new FaultPlan();
    private final List<ActorSystem> systems = new ArrayList<>();
    private final Random random;
    private SimScheduler scheduler;
    private SimRuntimes runtimes;

    private Simulation(long seed, boolean strict, long maxSteps, int traceCapacity) {
        this.seed = seed;
        this.strict = strict;
        this.maxSteps = maxSteps;
        this.traceCapacity = traceCapacity;
        this.random = new Random(seed ^ 0x5DEECE66DL);
    }

    /** Returns a strict simulation with {@code seed}. */
    public static Simulation withSeed(long seed) {
        return new Simulation(seed, true, SimScheduler.DEFAULT_MAX_STEPS, 1_000_000);
    }

    /**
     * Returns the seed to use: the value of the {@value #SEED_PROPERTY} system property if set, so that a failure can
     * be replayed, otherwise {@code fallback}.
     */
    public static long seed(long fallback) {
        String value = System.getProperty(SEED_PROPERTY);
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
    }

    /** Returns this simulation in lenient mode: real-time waits are waited for, not failures. */
    public Simulation lenient() {
        return new Simulation(seed, false, maxSteps, traceCapacity);
    }

    /** Returns this simulation with another limit on scheduling steps (default 50 million). */
    public Simulation maxSteps(long steps) {
        return new Simulation(seed, strict, steps, traceCapacity);
    }

    /** Returns the seed. */
    public long seed() {
        return seed;
    }

    /** Returns true in strict mode. */
    public boolean isStrict() {
        return strict;
    }

    // ------------------------------------------------------------------------------------------------ running

    /**
     * Runs {@code body} in the simulation and returns when it is done and nothing can run. The systems it made are
     * closed at its end, inside the simulation.
     *
     * @throws SimulationFailure if the body threw, or the run deadlocked, looped, or (strict) waited on real time; it
     *                           carries the seed and the end of the schedule
     */
    public void run(Body body) {
        Objects.requireNonNull(body, "body");
        if (scheduler != null) throw new IllegalStateException("a simulation runs once; make another with withSeed");
        scheduler = new SimScheduler(seed, strict, maxSteps, time, traceCapacity);
        runtimes = new SimRuntimes(scheduler, faults);
        Throwable[] thrown = new Throwable[1];
        try {
            scheduler.drive(() -> {
                try {
                    body.run(this);
                } catch (Throwable t) {
                    thrown[0] = t;
                } finally {
                    closeSystems();
                }
            });
        } catch (Throwable failure) {
            if (thrown[0] != null) failure.addSuppressed(thrown[0]);
            throw new SimulationFailure(seed, failure, scheduler.trace());
        }
        if (thrown[0] != null) throw new SimulationFailure(seed, thrown[0], scheduler.trace());
    }

    private void closeSystems() {
        for (ActorSystem system : systems.reversed()) system.close();
    }

    /**
     * Runs {@code body} with {@code count} seeds from {@code firstSeed} on, each in a fresh simulation, and returns the
     * first failure, if any, without running the seeds after it.
     */
    public static Optional<SimulationFailure> explore(long firstSeed, int count, Body body) {
        for (long s = firstSeed; s < firstSeed + count; s++) {
            try {
                withSeed(s).run(body);
            } catch (SimulationFailure failure) {
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------ systems

    /**
     * Creates a simulated actor system named {@code name}, with two dispatcher workers whatever the machine (so a seed
     * replays the same on any machine), closed at the end of the run.
     */
    public ActorSystem newSystem(String name) {
        return newSystem(ActorSystemConfig.defaults(name).parallelism(2));
    }

    /** Creates a simulated actor system with {@code config}, closed at the end of the run. */
    public ActorSystem newSystem(ActorSystemConfig config) {
        requireRunning();
        ActorSystem system = runtimes.newSystem(config);
        systems.add(system);
        return system;
    }

    // ------------------------------------------------------------------------------------------------ time

    /** Waits until no simulated thread can run, without moving time. Call from the body. */
    public void runUntilIdle() {
        requireRunning();
        scheduler.awaitIdle();
    }

    /**
     * Runs until idle, fires every timer due within {@code duration} in order (running until idle after each), and
     * leaves the virtual time {@code duration} later than it was. Call from the body.
     */
    public void advance(Duration duration) {
        requireRunning();
        if (duration.isNegative()) throw new IllegalArgumentException("cannot advance by " + duration);
        scheduler.advance(duration.toNanos());
    }

    /**
     * Runs until idle, then moves time to the next timer, fires it and runs until idle again. Returns false, moving
     * nothing, if no timer is set. Call from the body.
     */
    public boolean advanceToNextTimer() {
        requireRunning();
        return scheduler.advanceToNextTimer();
    }

    /** Returns the virtual time as an instant (virtual time 0 is {@link VirtualTime#EPOCH}). */
    public Instant now() {
        return time.instant();
    }

    /** Returns how much virtual time has passed since the run began. */
    public Duration elapsed() {
        return Duration.ofNanos(time.now());
    }

    /** Runs {@code action} on the driver at {@code delay} from now in virtual time: a fault at a chosen moment. */
    public void schedule(Duration delay, Runnable action) {
        Objects.requireNonNull(action, "action");
        time.schedule(delay.toNanos(), 0, action, this);
    }

    /** Returns a random source seeded from the simulation's seed, for decisions the test itself makes. */
    public RandomGenerator random() {
        return random;
    }

    // ------------------------------------------------------------------------------------------------ faults

    /** Kills {@code actor} now, as {@link ActorRef#kill()} does. */
    public void kill(ActorRef<?> actor) {
        actor.kill();
    }

    /**
     * Crashes {@code actor} with {@code cause}: it stops before its next message with {@link ExitReason.Error}, its
     * terminate hooks run, its links and monitors see the error, and a supervisor restarts it as after any crash.
     */
    public void crash(ActorRef<?> actor, Throwable cause) {
        stop(actor, ExitReason.error(Objects.requireNonNull(cause, "cause")));
    }

    /** Stops {@code actor} with an exit reason of the test's choosing. */
    public void stop(ActorRef<?> actor, ExitReason reason) {
        ((ActorCell<?>) actor).stop(Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Drops, from now on, every message to {@code actor} that matches {@code which}, as if lost: a dropped cast is a
     * dead letter ({@code INJECTED_FAULT}); a dropped call is not failed, its caller times out.
     */
    public void dropMessages(ActorRef<?> actor, Predicate<Object> which) {
        faults.add(actor, which, DeliveryInterceptor.Verdict.DROP);
    }

    /** Drops every message to {@code actor} from now on. See {@link #dropMessages(ActorRef, Predicate)}. */
    public void dropMessages(ActorRef<?> actor) {
        dropMessages(actor, m -> true);
    }

    /** Delays, from now on, every message to {@code actor} that matches {@code which} by {@code delay}. */
    public void delayMessages(ActorRef<?> actor, Duration delay, Predicate<Object> which) {
        faults.add(actor, which, new DeliveryInterceptor.Verdict.Delay(delay.toNanos()));
    }

    /** Removes every injected delivery fault. */
    public void clearFaults() {
        faults.clear();
    }

    // ------------------------------------------------------------------------------------------------ the record

    /** Returns the schedule recorded so far (or in the finished run): thread steps, timers and time jumps. */
    public List<String> trace() {
        return scheduler == null ? List.of() : scheduler.trace().entries();
    }

    /** Returns a hash of the whole schedule: equal for two runs of one seed, almost surely unequal otherwise. */
    public long traceHash() {
        return scheduler == null ? 0 : scheduler.trace().hash();
    }

    /** Returns how many simulated threads are alive now (parked or runnable): to check that nothing is left behind. */
    public int liveThreads() {
        return scheduler == null ? 0 : scheduler.liveThreads();
    }

    /** Returns the number of scheduling steps taken. */
    public long steps() {
        return scheduler == null ? 0 : scheduler.steps();
    }

    private void requireRunning() {
        if (scheduler == null) throw new IllegalStateException("call this from the body of Simulation.run");
    }

    @Override
    public String toString() {
        return "Simulation[seed " + seed + (strict ? ", strict" : ", lenient") + "]";
    }
}
