package io.heddle.inspect;

import java.time.Duration;

/**
 * The system as a whole, at one moment.
 *
 * @param name          its name
 * @param uptime        how long since it was created
 * @param running       false once shutdown has begun
 * @param actors        live actors, supervisors included
 * @param tasks         live tasks
 * @param workers       dispatcher worker threads alive (busy, blocked in a wait, or idle)
 * @param parallelism   how many of them may run turns at once
 * @param deadLetters   dead letters since the system started
 */
public record SystemInfo(String name, Duration uptime, boolean running, int actors, int tasks, int workers,
                         int parallelism, long deadLetters) {
}
