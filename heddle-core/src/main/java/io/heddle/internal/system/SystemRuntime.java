package io.heddle.internal.system;

import io.heddle.internal.dispatch.ThreadSource;
import io.heddle.internal.testing.DeliveryInterceptor;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.internal.time.SystemClock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What an actor system takes from its environment: threads, time, pids, randomness, and a hook on deliveries. The
 * defaults are the JDK's; the test kit's simulation supplies its own, so that a whole system runs deterministically.
 *
 * @param threads       where every thread comes from
 * @param clock         the only source of time, waits and timers
 * @param pids          the next pid id, on each spawn; thread-safe
 * @param randomSeed    the seed of the system's random source (backoff jitter)
 * @param interceptor   consulted before each user message is delivered, or null (the default: no cost)
 * @param turnsPerYield how many actor turns a thread runs back to back before it yields its carrier to other virtual
 *                      threads: {@link #PRODUCTION_TURNS_PER_YIELD} in production, 1 in a simulation (every turn is a
 *                      scheduling point the seed decides)
 * @param yieldAtSends  whether a thread that is not running actors yields before each cast and call: false in
 *                      production; true in a simulation, so that the seed also decides how clients' sends interleave
 *                      (a call from a client runs the actor's turn inline, without parking, and would otherwise
 *                      never be a scheduling point)
 * @param ticking       whether the system runs its periodic tick (the coarse clock of inspection and the watchdog):
 *                      true in production; false in a simulation, where a periodic timer would keep virtual time
 *                      from ever being idle and the coarse clock reads the simulated clock instead
 */
public record SystemRuntime(ThreadSource threads, RuntimeClock clock, LongSupplier pids, long randomSeed,
                            DeliveryInterceptor interceptor, int turnsPerYield, boolean yieldAtSends,
                            boolean ticking) {

    /** Often enough that a busy worker cannot keep other virtual threads off its carrier; rare enough to cost ~nothing. */
    public static final int PRODUCTION_TURNS_PER_YIELD = 1024;

    /** Pids are unique across all the JVM's production systems. */
    private static final AtomicLong PIDS = new AtomicLong();

    /** The production runtime: JDK threads, the system clock (created per system), JVM-wide pids, a fresh seed. */
    static SystemRuntime production(String systemName) {
        return new SystemRuntime(ThreadSource.JDK, new SystemClock(systemName, ThreadSource.JDK),
                PIDS::incrementAndGet, System.nanoTime() ^ Thread.currentThread().threadId(), null,
                PRODUCTION_TURNS_PER_YIELD, false, true);
    }
}
