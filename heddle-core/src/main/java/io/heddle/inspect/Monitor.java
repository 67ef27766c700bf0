package io.heddle.inspect;

import io.heddle.Pid;

/**
 * A monitor: {@code watcher} gets a down notice when {@code target} stops.
 *
 * @param watcher who monitors
 * @param target  who is monitored
 */
public record Monitor(Pid watcher, Pid target) {
}
