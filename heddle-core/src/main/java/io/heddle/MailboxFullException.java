package io.heddle;

/**
 * A call's request could not stay in the target's mailbox: a {@link Mailbox.Dropping} mailbox refused it, a
 * {@link Mailbox.Sliding} one evicted it, or a {@link Mailbox.Fixed} one stayed full until the call's deadline.
 */
public final class MailboxFullException extends CallFailedException {

    /** Creates the exception. */
    public MailboxFullException(Pid target, Class<?> requestType, String message) {
        super(target, requestType, message, null);
    }
}
