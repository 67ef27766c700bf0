package io.heddle;

/**
 * A {@link ActorRef#call} did not produce a reply: the handler threw (the cause) or answered with
 * {@link ReplyTo#fail(Throwable)}. Subclasses name more specific failures.
 */
public class CallFailedException extends HeddleException {

    private final Pid target;
    private final Class<?> requestType;

    /** Creates the exception for a call to {@code target} with a request of {@code requestType}. */
    public CallFailedException(Pid target, Class<?> requestType, String message, Throwable cause) {
        super(message, cause);
        this.target = target;
        this.requestType = requestType;
    }

    /** Returns the pid of the called actor. */
    public Pid target() {
        return target;
    }

    /** Returns the class of the request message. */
    public Class<?> requestType() {
        return requestType;
    }
}
