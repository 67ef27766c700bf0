package io.heddle;

/** The base of Heddle's exceptions. Each subclass says what went wrong, to which actor, and what to do about it. */
public class HeddleException extends RuntimeException {

    /** Creates an exception with a message. */
    public HeddleException(String message) {
        super(message);
    }

    /** Creates an exception with a message and a cause. */
    public HeddleException(String message, Throwable cause) {
        super(message, cause);
    }
}
