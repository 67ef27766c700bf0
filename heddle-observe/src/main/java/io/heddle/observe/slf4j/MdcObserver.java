package io.heddle.observe.slf4j;

import io.heddle.Pid;
import io.heddle.spi.ActorObserver;
import io.heddle.scheduling.HandlerKind;
import org.slf4j.MDC;

/**
 * Puts the actor in the MDC before each handler and what was there back after it, on the actor's thread. Carries
 * nothing from sender to receiver. Thread-safe: the MDC is per thread.
 */
final class MdcObserver implements ActorObserver {

    private final String systemName;

    MdcObserver(String systemName) {
        this.systemName = systemName;
    }

    @Override
    public boolean tracesMessages() {
        return true;
    }

    @Override
    public Object beforeHandler(Pid actor, String name, String label, HandlerKind kind, Object message,
                                Object carried) {
        MdcValues previous = MdcValues.current();
        MDC.put(HeddleMdc.SYSTEM_KEY, systemName);
        MDC.put(HeddleMdc.PID_KEY, actor.toString());
        MDC.put(HeddleMdc.ACTOR_KEY, label);
        return previous;
    }

    @Override
    public void afterHandler(Object token, Throwable failure) {
        if (token instanceof MdcValues previous) previous.restore();
    }
}
