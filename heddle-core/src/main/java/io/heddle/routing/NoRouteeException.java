package io.heddle.routing;

import io.heddle.HeddleException;

/**
 * A call through a {@link Router} found no live routee to go to: the router is empty, every routee has stopped, or
 * (for a group) no actor has joined the group. A cast in the same situation goes to dead letters with reason
 * {@link io.heddle.DeadLetter.Reason#NO_ROUTEE}.
 */
public final class NoRouteeException extends HeddleException {

    /** Creates the exception. */
    public NoRouteeException(String message) {
        super(message);
    }
}
