package io.heddle;

import io.heddle.internal.system.DeadLetterOffice;
import java.util.List;
import java.util.function.Consumer;

/**
 * The system's record of undelivered messages: subscribe to them, read the most recent, count them.
 *
 * {@snippet :
 * try (var subscription = system.deadLetters().subscribe(letter -> log.warn("{}", letter))) {
 *     // ...
 * }
 * }
 *
 * <p>Every dead letter is also logged through {@link System.Logger} (logger {@code io.heddle.deadletters}) at
 * {@code INFO}, at most 10 lines per 10 seconds, with a count of the ones suppressed.
 *
 * <p>Threading: thread-safe. Subscribers run on the thread that dead-lettered the message, which may be an actor's:
 * keep them short and non-blocking; an exception from a subscriber is logged and ignored.
 */
public sealed interface DeadLetters permits DeadLetterOffice {

    /** How many recent dead letters {@link #recent()} keeps. */
    int RECENT_CAPACITY = 256;

    /** Subscribes {@code listener} to every dead letter from now on; close the result to unsubscribe. */
    AutoCloseable subscribe(Consumer<DeadLetter> listener);

    /** Returns up to {@link #RECENT_CAPACITY} most recent dead letters, oldest first. */
    List<DeadLetter> recent();

    /** Returns the number of dead letters since the system started. */
    long count();
}
