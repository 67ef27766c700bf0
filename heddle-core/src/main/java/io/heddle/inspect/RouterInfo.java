package io.heddle.inspect;

import io.heddle.Pid;
import java.util.List;

/**
 * A router or pool as inspection saw it.
 *
 * @param pid      the router's identity (a router is not an actor, but has a pid for dead letters and inspection)
 * @param name     its name
 * @param strategy its routing strategy, for example {@code RoundRobin}
 * @param source   where its routees come from: {@code fixed}, {@code group <key>}, {@code names [...]} or {@code pool}
 * @param minSize  for a pool, its minimum size; otherwise 0
 * @param maxSize  for a pool, its maximum size; otherwise 0
 * @param routees  its routees now, with their load
 */
public record RouterInfo(Pid pid, String name, String strategy, String source, int minSize, int maxSize,
                         List<RouteeInfo> routees) {

    /** Copies the routees. */
    public RouterInfo {
        routees = List.copyOf(routees);
    }

    /**
     * One routee and its load.
     *
     * @param pid         its pid
     * @param name        its name, or null
     * @param mailboxSize messages waiting in its mailbox
     * @param processed   messages it has handled (wraps)
     * @param busy        whether a turn of it is queued or running
     */
    public record RouteeInfo(Pid pid, String name, int mailboxSize, int processed, boolean busy) {}
}
