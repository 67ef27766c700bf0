package io.heddle;

import java.time.Instant;
import java.util.Objects;

/**
 * A message that was not delivered, and why.
 *
 * <p>Thread-safe: an immutable value (the message itself is whatever the sender sent).
 *
 * @param recipient     the pid of the actor it was for, or {@link Pid#NOBODY} if it was sent to a name nobody held
 * @param recipientName the actor's name (or the name it was sent to), or null if it had none
 * @param message       the message
 * @param reason        why it was not delivered
 * @param timestamp     when, by the system's clock
 */
public record DeadLetter(Pid recipient, String recipientName, Object message, Reason reason, Instant timestamp) {

    /** Validates the components. */
    public DeadLetter {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** Why a message was not delivered. */
    public enum Reason {
        /** The recipient had stopped, or stopped with the message still in its mailbox or stash. */
        RECIPIENT_STOPPED("the recipient has stopped"),
        /** A {@link Mailbox.Fixed} mailbox stayed full for the whole send timeout. */
        MAILBOX_FULL("the mailbox stayed full for the whole send timeout"),
        /** A {@link Mailbox.Dropping} mailbox was full. */
        DROPPED("the dropping mailbox was full"),
        /** A {@link Mailbox.Sliding} mailbox evicted it to make room for a newer message. */
        EVICTED("the sliding mailbox evicted it for a newer message"),
        /** The behavior returned {@link Behaviors#unhandled()}. */
        UNHANDLED("the behavior did not handle it"),
        /** A reply that came after the call had timed out or had already been answered. */
        LATE_REPLY("the call had already timed out or been answered"),
        /**
         * Its handler overran the actor's handler timeout and was cancelled
         * ({@link io.heddle.scheduling.TimeoutAction#CANCEL}).
         */
        HANDLER_TIMED_OUT("its handler overran the handler timeout and was cancelled"),
        /** Cast to a registered name that no live actor held ({@link Registry#cast}). */
        NOT_REGISTERED("no live actor was registered under the name"),
        /** Sent through a {@link io.heddle.routing.Router} that had no live routee. */
        NO_ROUTEE("the router had no live routee"),
        /** Dropped on purpose by a fault injected in a simulation (heddle-testkit). */
        INJECTED_FAULT("a simulated fault dropped it");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** Returns a sentence fragment that says what happened. */
        public String description() {
            return description;
        }
    }

    @Override
    public String toString() {
        String who = recipientName == null ? recipient.toString() : recipientName + recipient;
        return "DeadLetter[" + message.getClass().getSimpleName() + " to " + who + ": " + reason.description() + "]";
    }
}
