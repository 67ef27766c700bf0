package io.heddle.testkit;

import io.heddle.ActorRef;
import io.heddle.Behavior;
import io.heddle.Health;
import io.heddle.MonitorRef;
import java.time.Duration;

/**
 * What a behavior did through its context while {@link BehaviorTestKit} ran it, besides sending messages (which land
 * in inboxes): spawning, stopping, timers, links, monitors, health, stash. Match on them with a pattern {@code switch}.
 */
public sealed interface Effect {

    /**
     * A child was spawned; it does not run. Its messages land in {@link BehaviorTestKit#childInbox}.
     *
     * @param behavior the child's initial behavior
     * @param name     its name, or null
     * @param child    its reference
     * @param linked   true for {@code spawnLink}
     */
    record Spawned(Behavior<?> behavior, String name, ActorRef<?> child, boolean linked) implements Effect {}

    /** @param child a child the behavior asked to stop */
    record Stopped(ActorRef<?> child) implements Effect {}

    /** The behavior stopped itself ({@code ctx.stop()} or {@code Behaviors.stopped()}). */
    record StoppedSelf() implements Effect {}

    /**
     * A timer was set; it does not fire on its own: {@link BehaviorTestKit#fire} delivers its message.
     *
     * @param message  what it would send
     * @param delay    the delay, or the interval of a periodic timer
     * @param periodic true for {@code sendInterval}
     */
    record Scheduled(Object message, Duration delay, boolean periodic) implements Effect {}

    /** @param message the message of a timer that was cancelled */
    record TimerCancelled(Object message) implements Effect {}

    /** @param other an actor the behavior linked to */
    record Linked(ActorRef<?> other) implements Effect {}

    /** @param other an actor the behavior unlinked from */
    record Unlinked(ActorRef<?> other) implements Effect {}

    /** @param trapping whether the behavior now traps exits */
    record TrapsExits(boolean trapping) implements Effect {}

    /**
     * @param target  the monitored actor
     * @param monitor the monitor
     */
    record Monitored(ActorRef<?> target, MonitorRef monitor) implements Effect {}

    /** @param monitor a monitor that was ended */
    record Demonitored(MonitorRef monitor) implements Effect {}

    /** @param health what the behavior reported */
    record HealthReported(Health health) implements Effect {}

    /** @param message a message that was stashed */
    record Stashed(Object message) implements Effect {}

    /** @param count how many stashed messages were put back */
    record Unstashed(int count) implements Effect {}

    /** @param message a message the behavior returned {@code Behaviors.unhandled()} for (a dead letter for real) */
    record Unhandled(Object message) implements Effect {}
}
