package io.heddle;

/** A message was sent to a name no live actor holds; as in Erlang, sending to an unregistered name is an error. */
public final class NotRegisteredException extends HeddleException {

    private final String name;

    /** Creates the exception. */
    public NotRegisteredException(String name, String message) {
        super(message);
        this.name = name;
    }

    /** Returns the name. */
    public String name() {
        return name;
    }
}
