package io.heddle.internal.observe;

import io.heddle.ActorSystem;
import io.heddle.ExitReason;
import io.heddle.Pid;
import io.heddle.inspect.ActorKind;
import io.heddle.spi.ActorObserver;
import io.heddle.scheduling.HandlerKind;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;

/**
 * The observers of a system as one: null when there are none (the runtime then calls nothing), the observer itself
 * when there is one, a fan-out otherwise. Callbacks that throw are logged and do not stop the others, nor the send or
 * the handler they observe; an observer whose {@code beforeHandler} threw gets no {@code afterHandler} for it.
 */
public final class Observers implements ActorObserver {

    private static final System.Logger LOG = System.getLogger("io.heddle.observe");

    private final ActorObserver[] all;
    private final ActorObserver[] tracing;

    private Observers(List<ActorObserver> observers) {
        this.all = observers.toArray(ActorObserver[]::new);
        this.tracing = observers.stream().filter(ActorObserver::tracesMessages).toArray(ActorObserver[]::new);
    }

    /** Returns what the runtime should call: null for none. */
    public static ActorObserver of(List<ActorObserver> observers) {
        return observers.isEmpty() ? null : observers.size() == 1 ? observers.getFirst() : new Observers(observers);
    }

    /** Runs a lifecycle callback, logging instead of propagating what it throws. */
    public static void safely(ActorObserver observer, String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | Error failure) {
            warn(observer, what, failure);
        }
    }

    @Override
    public void systemStarted(ActorSystem system) {
        for (ActorObserver o : all) safely(o, "systemStarted", () -> o.systemStarted(system));
    }

    @Override
    public void systemStopped(ActorSystem system) {
        for (ActorObserver o : all) safely(o, "systemStopped", () -> o.systemStopped(system));
    }

    @Override
    public void actorStarted(Pid pid, String name, String label, ActorKind kind) {
        for (ActorObserver o : all) safely(o, "actorStarted", () -> o.actorStarted(pid, name, label, kind));
    }

    @Override
    public void actorStopped(Pid pid, String name, String label, ActorKind kind, ExitReason reason,
                             Duration lifetime) {
        for (ActorObserver o : all) {
            safely(o, "actorStopped", () -> o.actorStopped(pid, name, label, kind, reason, lifetime));
        }
    }

    @Override
    public void actorRestarted(Pid supervisor, String childId, Pid previous, Pid next, ExitReason reason,
                               int restarts) {
        for (ActorObserver o : all) {
            safely(o, "actorRestarted", () -> o.actorRestarted(supervisor, childId, previous, next, reason, restarts));
        }
    }

    @Override
    public boolean tracesMessages() {
        return tracing.length > 0;
    }

    @Override
    public Object onSend(Pid target, Object message) {
        Object[] carried = new Object[tracing.length];
        boolean any = false;
        for (int i = 0; i < tracing.length; i++) {
            carried[i] = onSend(tracing[i], target, message);
            any |= carried[i] != null;
        }
        return any ? carried : null;
    }

    @Override
    public Object beforeHandler(Pid actor, String name, String label, HandlerKind kind, Object message,
                                Object carried) {
        Object[] in = (Object[]) carried;
        Object[] tokens = new Object[tracing.length];
        for (int i = 0; i < tracing.length; i++) {
            tokens[i] = beforeHandler(tracing[i], actor, name, label, kind, message, in == null ? null : in[i]);
        }
        return tokens;
    }

    @Override
    public void afterHandler(Object token, Throwable failure) {
        Object[] tokens = (Object[]) token;
        for (int i = tracing.length - 1; i >= 0; i--) afterHandler(tracing[i], tokens[i], failure);
    }

    /** A token for an observer whose {@code beforeHandler} threw: it gets no {@code afterHandler}. */
    static final Object FAILED = new Object();

    /** Calls {@code observer.onSend}; null, after logging, if it throws. */
    public static Object onSend(ActorObserver observer, Pid target, Object message) {
        try {
            return observer.onSend(target, message);
        } catch (RuntimeException | Error failure) {
            warn(observer, "onSend", failure);
            return null;
        }
    }

    /** Calls {@code observer.beforeHandler}; {@link #FAILED}, after logging, if it throws. */
    public static Object beforeHandler(ActorObserver observer, Pid actor, String name, String label, HandlerKind kind,
                                Object message, Object carried) {
        try {
            return observer.beforeHandler(actor, name, label, kind, message, carried);
        } catch (RuntimeException | Error failure) {
            warn(observer, "beforeHandler", failure);
            return FAILED;
        }
    }

    /** Calls {@code observer.afterHandler} unless its {@code beforeHandler} failed; logs what it throws. */
    public static void afterHandler(ActorObserver observer, Object token, Throwable handlerFailure) {
        if (token == FAILED) return;
        try {
            observer.afterHandler(token, handlerFailure);
        } catch (RuntimeException | Error failure) {
            warn(observer, "afterHandler", failure);
        }
    }

    private static void warn(ActorObserver observer, String what, Throwable failure) {
        LOG.log(Level.WARNING, "an ActorObserver (" + observer.getClass().getName() + ") threw in " + what
                + "; ignored", failure);
    }
}
