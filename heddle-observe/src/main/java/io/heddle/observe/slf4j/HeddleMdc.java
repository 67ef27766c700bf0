package io.heddle.observe.slf4j;

import io.heddle.ActorSystemConfig;
import java.util.Objects;

/**
 * Puts the handling actor in the SLF4J MDC, so every log line a handler writes says which actor wrote it. Install it
 * on the configuration before creating the system:
 *
 * {@snippet :
 * var config = HeddleMdc.install(ActorSystemConfig.defaults("shop"));
 * }
 *
 * <p>While a handler (of a cast, call, timer or signal) runs, the MDC holds {@link #SYSTEM_KEY}, {@link #PID_KEY}
 * and {@link #ACTOR_KEY}; afterwards each key holds what it held before, or nothing, so a dispatcher worker that goes
 * on to other work carries no stale actor. Other keys are left alone: those a handler puts are its own to remove. A
 * Logback pattern shows them with {@code %X{heddle.actor}}. An actor's init and terminate hooks run without them, as
 * the runtime reports only handlers to observers, and threads a handler starts do not inherit them.
 *
 * <p><b>Cost.</b> The runtime calls the observer on every send (which does nothing) and around every handler: three
 * MDC reads and three writes before it, three writes after it.
 *
 * <p><b>Threading and failures.</b> Thread-safe: the MDC belongs to the handler's thread. With a binding that keeps no
 * MDC (slf4j-simple, or no binding) the keys are simply not there; nothing fails.
 */
public final class HeddleMdc {

    /** The actor system's name. */
    public static final String SYSTEM_KEY = "heddle.system";

    /** The actor's pid, for example {@code <0.42.0>}. */
    public static final String PID_KEY = "heddle.pid";

    /** The actor's label: its name if it has one, else the class of its behavior (for example {@code Counter}). */
    public static final String ACTOR_KEY = "heddle.actor";

    private HeddleMdc() {}

    /**
     * Returns {@code config} with the MDC set around every handler: an observer added after the ones it has.
     *
     * @throws NullPointerException if {@code config} is null
     */
    public static ActorSystemConfig install(ActorSystemConfig config) {
        Objects.requireNonNull(config, "config");
        return config.observer(new MdcObserver(config.name()));
    }
}
