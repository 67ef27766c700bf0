package io.heddle.testkit.internal;

import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.internal.system.SystemImpl;
import io.heddle.internal.system.SystemRuntime;
import java.util.concurrent.atomic.AtomicLong;

/** Builds actor systems that run inside one simulation: its threads, its virtual time, its pids, its seed. */
public final class SimRuntimes {

    private final SimScheduler scheduler;
    private final FaultPlan faults;
    private final AtomicLong pids = new AtomicLong();
    private int systems;

    public SimRuntimes(SimScheduler scheduler, FaultPlan faults) {
        this.scheduler = scheduler;
        this.faults = faults;
    }

    /**
     * Creates a simulated system. Its watchdog is off: under virtual time, work never runs late and a handler never
     * holds a worker for any time, so there is nothing for it to see.
     */
    public ActorSystem newSystem(ActorSystemConfig config) {
        config = config.watchdog(config.watchdog().enabled(false));
        long seed = scheduler.seed() * 31 + ++systems;
        SystemRuntime runtime = new SystemRuntime(new SimThreads(scheduler), new SimClock(scheduler.time(), scheduler),
                pids::incrementAndGet, seed, faults, 1, true, false);
        return new SystemImpl(config, runtime);
    }
}
