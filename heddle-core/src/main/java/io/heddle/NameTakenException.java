package io.heddle;

/** {@link Registry#register} was asked for a name that another live actor holds. */
public final class NameTakenException extends HeddleException {

    private final String name;
    private final Pid holder;

    /** Creates the exception. */
    public NameTakenException(String name, Pid holder, String message) {
        super(message);
        this.name = name;
        this.holder = holder;
    }

    /** Returns the name asked for. */
    public String name() {
        return name;
    }

    /** Returns the pid of the actor holding the name. */
    public Pid holder() {
        return holder;
    }
}
