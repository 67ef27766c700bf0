package io.heddle;

/** An actor's init hook (or {@link Behaviors#setup} factory) threw, so {@link ActorSystem#start} failed. */
public final class ActorStartException extends HeddleException {

    private final Pid pid;

    /** Creates the exception. */
    public ActorStartException(Pid pid, String message, Throwable cause) {
        super(message, cause);
        this.pid = pid;
    }

    /** Returns the pid of the actor that failed to start. */
    public Pid pid() {
        return pid;
    }
}
