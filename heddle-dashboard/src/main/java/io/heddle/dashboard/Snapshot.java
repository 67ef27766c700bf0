package io.heddle.dashboard;

import io.heddle.DeadLetter;
import io.heddle.Pid;
import io.heddle.inspect.ActorInfo;
import io.heddle.inspect.ActorTree;
import io.heddle.inspect.Link;
import io.heddle.inspect.Monitor;
import io.heddle.inspect.RouterInfo;
import io.heddle.inspect.SystemInfo;
import io.heddle.scheduling.SchedulingEvent;
import java.util.List;
import java.util.Map;

/**
 * One sample of the system: everything the page shows, read by {@link Sampler} at one moment, with the message rates
 * and handler latencies of that moment.
 *
 * <p>Thread-safe: immutable, shared by every request and event stream that serves it.
 *
 * @param nanos            when it was taken ({@link System#nanoTime()})
 * @param system           the summary
 * @param actors           every live actor and task
 * @param tree             the supervision tree
 * @param links            the links
 * @param monitors         the monitors
 * @param routers          the open routers and pools, with their routees' load
 * @param deadLetters      recent dead letters, oldest first
 * @param schedulingEvents recent scheduling events, oldest first
 * @param rates            messages per second, for the actors that have a rate yet
 * @param latencies        handler latencies, for the actors timed; empty without {@link Dashboard#instrument}
 * @param instrumented     whether handler latency is measured
 */
record Snapshot(long nanos, SystemInfo system, List<ActorInfo> actors, ActorTree tree, List<Link> links,
                List<Monitor> monitors, List<RouterInfo> routers, List<DeadLetter> deadLetters,
                List<SchedulingEvent> schedulingEvents,
                Map<Pid, Double> rates, Map<Pid, Latency> latencies, boolean instrumented) {

    /** Copies the collections. */
    Snapshot {
        actors = List.copyOf(actors);
        links = List.copyOf(links);
        monitors = List.copyOf(monitors);
        routers = List.copyOf(routers);
        deadLetters = List.copyOf(deadLetters);
        schedulingEvents = List.copyOf(schedulingEvents);
        rates = Map.copyOf(rates);
        latencies = Map.copyOf(latencies);
    }
}
