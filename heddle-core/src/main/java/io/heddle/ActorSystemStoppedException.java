package io.heddle;

/** The actor system is shutting down or has stopped: it spawns no actors and serves no calls. */
public final class ActorSystemStoppedException extends HeddleException {

    /** Creates the exception. */
    public ActorSystemStoppedException(String message) {
        super(message);
    }
}
