package io.heddle.testkit.internal;

import io.heddle.internal.dispatch.ThreadSource;

/**
 * Every thread of a simulated system is a simulated virtual thread, platform threads included: a simulated actor on
 * {@code Backend.platformThread()} runs on a virtual thread, which the simulation schedules like the rest.
 */
final class SimThreads implements ThreadSource {

    private final SimScheduler scheduler;

    SimThreads(SimScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Thread newVirtualThread(String name, Runnable task) {
        return scheduler.threads().name(name).unstarted(task);
    }

    @Override
    public Thread newPlatformThread(String name, Runnable task) {
        return scheduler.threads().name(name).unstarted(task);
    }
}
