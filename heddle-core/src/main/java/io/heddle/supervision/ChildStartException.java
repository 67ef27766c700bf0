package io.heddle.supervision;

import io.heddle.HeddleException;

/**
 * A supervisor could not start a child: its factory or init threw, it did not finish init in time, its registered
 * name was taken, its id was already used, or a dynamic supervisor was full. The message says which.
 */
public final class ChildStartException extends HeddleException {

    private final String childId;

    /** Creates the exception. */
    public ChildStartException(String childId, String message, Throwable cause) {
        super(message, cause);
        this.childId = childId;
    }

    /** Returns the id of the child that did not start. */
    public String childId() {
        return childId;
    }
}
