package io.heddle.observe.otel;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attributes of the spans {@link HeddleTracing} starts; every span has all of them but {@link #ACTOR_NAME}, which
 * only the spans of named actors have. Thread-safe: constants only, nothing that can fail.
 */
public final class HeddleAttributes {

    private HeddleAttributes() {}

    /** The actor system's name. */
    public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("heddle.system");

    /** The handling actor's pid, for example {@code <0.42.0>}. */
    public static final AttributeKey<String> ACTOR_PID = AttributeKey.stringKey("heddle.actor.pid");

    /** The handling actor's name; absent for an actor without one. */
    public static final AttributeKey<String> ACTOR_NAME = AttributeKey.stringKey("heddle.actor.name");

    /** The handling actor's label: its name if it has one, else the class of its behavior. */
    public static final AttributeKey<String> ACTOR_LABEL = AttributeKey.stringKey("heddle.actor.label");

    /** The message's class, fully qualified. */
    public static final AttributeKey<String> MESSAGE_TYPE = AttributeKey.stringKey("heddle.message.type");

    /** The handler kind in lower case: {@code cast}, {@code call}, {@code timer} or {@code signal}. */
    public static final AttributeKey<String> HANDLER_KIND = AttributeKey.stringKey("heddle.handler.kind");
}
