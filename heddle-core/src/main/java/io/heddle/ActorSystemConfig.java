package io.heddle;

import io.heddle.spi.ActorObserver;
import io.heddle.internal.sched.SchedulingLog;
import io.heddle.scheduling.Blocking;
import io.heddle.scheduling.SchedulingEvent;
import io.heddle.spi.SchedulingMetrics;
import io.heddle.scheduling.Watchdog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of an {@link ActorSystem}. Start from {@link #defaults(String)} and adjust with the {@code with}-style
 * methods; each returns a new value.
 *
 * {@snippet :
 * var config = ActorSystemConfig.defaults("orders")
 *         .callTimeout(Duration.ofSeconds(2))
 *         .shutdownTimeout(Duration.ofSeconds(10));
 * try (var system = ActorSystem.create(config)) {
 *     // ...
 * }
 * }
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param name               the system's name, for logs and thread names
 * @param parallelism        how many dispatcher workers run turns at once; default: the number of available processors
 * @param throughput         how many messages an actor handles in one turn before others get a go; default 100
 * @param defaultMailbox     the mailbox of actors spawned without one; default {@code Fixed(1000)}
 * @param callTimeout        the timeout of {@link ActorRef#call(java.util.function.Function)}; default 5 s
 * @param sendTimeout        how long {@link ActorRef#cast} waits on a full {@link Mailbox.Fixed}; default 5 s
 * @param shutdownTimeout    how long a graceful stop waits for each actor before killing it; default 5 s
 * @param watchdog           starvation and blocked-worker detection; default {@link Watchdog#defaults()}
 * @param schedulingMetrics  where the scheduler's numbers go; default {@link SchedulingMetrics#NONE}
 * @param schedulingListener who hears of scheduling events (timed-out handlers, blocked workers, starvation), on a
 *                           runtime thread, so it must be quick; default: log them to {@code io.heddle.scheduling}
 * @param observers          what hears the runtime's lifecycle events and may trace messages, in order; default none
 * @param blocking           how the dispatcher keeps serving ready actors while handlers block outside Heddle;
 *                           default {@link Blocking#defaults()}
 */
public record ActorSystemConfig(
        String name,
        int parallelism,
        int throughput,
        Mailbox defaultMailbox,
        Duration callTimeout,
        Duration sendTimeout,
        Duration shutdownTimeout,
        Watchdog watchdog,
        SchedulingMetrics schedulingMetrics,
        Consumer<? super SchedulingEvent> schedulingListener,
        List<ActorObserver> observers,
        Blocking blocking) {

    /**
     * The default scheduling listener: logs each event to {@code io.heddle.scheduling}, critical starvation as an
     * error and the rest as warnings. Starvation and blocked-worker lines are rate-limited to one of each kind per
     * 10 s, with a count of those left out; timed-out handlers, which an actor asks for, are all logged.
     */
    public static final Consumer<SchedulingEvent> LOG_SCHEDULING_EVENTS = new SchedulingLog();

    /** Validates the components. */
    public ActorSystemConfig {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("actor system name must not be blank");
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        if (throughput < 1) throw new IllegalArgumentException("throughput must be >= 1, got " + throughput);
        Objects.requireNonNull(defaultMailbox, "defaultMailbox");
        requirePositive(callTimeout, "callTimeout");
        requirePositive(sendTimeout, "sendTimeout");
        requirePositive(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(watchdog, "watchdog");
        Objects.requireNonNull(schedulingMetrics, "schedulingMetrics");
        Objects.requireNonNull(schedulingListener, "schedulingListener");
        observers = List.copyOf(observers);
        Objects.requireNonNull(blocking, "blocking");
    }

    /** Returns the defaults, named {@code name}. */
    public static ActorSystemConfig defaults(String name) {
        return new ActorSystemConfig(name, Runtime.getRuntime().availableProcessors(), 100, Mailbox.defaultMailbox(),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), Watchdog.defaults(),
                SchedulingMetrics.NONE, LOG_SCHEDULING_EVENTS, List.of(), Blocking.defaults());
    }

    /** Returns this configuration with another dispatcher parallelism. */
    public ActorSystemConfig parallelism(int value) {
        return new ActorSystemConfig(name, value, throughput, defaultMailbox, callTimeout, sendTimeout, shutdownTimeout,
                watchdog, schedulingMetrics, schedulingListener, observers, blocking);
    }

    /** Returns this configuration with another per-turn throughput. */
    public ActorSystemConfig throughput(int value) {
        return new ActorSystemConfig(name, parallelism, value, defaultMailbox, callTimeout, sendTimeout,
                shutdownTimeout, watchdog, schedulingMetrics, schedulingListener, observers, blocking);
    }

    /** Returns this configuration with another default mailbox. */
    public ActorSystemConfig defaultMailbox(Mailbox value) {
        return new ActorSystemConfig(name, parallelism, throughput, value, callTimeout, sendTimeout, shutdownTimeout,
                watchdog, schedulingMetrics, schedulingListener, observers, blocking);
    }

    /** Returns this configuration with another default call timeout. */
    public ActorSystemConfig callTimeout(Duration value) {
        return new ActorSystemConfig(name, parallelism, throughput, defaultMailbox, value, sendTimeout, shutdownTimeout,
                watchdog, schedulingMetrics, schedulingListener, observers, blocking);
    }

    /** Returns this configuration with another send timeout. */
    public ActorSystemConfig sendTimeout(Duration value) {
        return new ActorSystemConfig(name, parallelism, throughput, defaultMailbox, callTimeout, value, shutdownTimeout,
                watchdog, schedulingMetrics, schedulingListener, observers, blocking);
    }

    /** Returns this configuration with another per-actor shutdown timeout. */
    public ActorSystemConfig shutdownTimeout(Duration value) {
        return new ActorSystemConfig(name, parallelism, throughput, defaultMailbox, callTimeout, sendTimeout, value,
                watchdog, schedulingMetrics, schedulingListener, observers, blocking);
    }

    /** Returns this configuration with another watchdog. */
    public ActorSystemConfig watchdog(Watchdog value) {
        return new ActorSystemConfig(name, parallelism, throughput, defaultMailbox, callTimeout, sendTimeout,
                shutdownTimeout, value, schedulingMetrics, schedulingListener, observers, blocking);
    }

    /** Returns this configuration reporting scheduling numbers to {@code value}. */
    public ActorSystemConfig schedulingMetrics(SchedulingMetrics value) {
        return new ActorSystemConfig(name, parallelism, throughput, defaultMailbox, callTimeout, sendTimeout,
                shutdownTimeout, watchdog, value, schedulingListener, observers, blocking);
    }

    /** Returns this configuration delivering scheduling events to {@code value} instead of the log. */
    public ActorSystemConfig schedulingListener(Consumer<? super SchedulingEvent> value) {
        return new ActorSystemConfig(name, parallelism, throughput, defaultMailbox, callTimeout, sendTimeout,
                shutdownTimeout, watchdog, schedulingMetrics, value, observers, blocking);
    }

    /** Returns this configuration reporting scheduling numbers to {@code value} as well as to the metrics it has. */
    public ActorSystemConfig addSchedulingMetrics(SchedulingMetrics value) {
        return schedulingMetrics(SchedulingMetrics.all(schedulingMetrics, Objects.requireNonNull(value, "metrics")));
    }

    /** Returns this configuration delivering scheduling events to {@code value} after the listener it has. */
    public ActorSystemConfig addSchedulingListener(Consumer<? super SchedulingEvent> value) {
        Objects.requireNonNull(value, "listener");
        Consumer<? super SchedulingEvent> first = schedulingListener;
        return schedulingListener(event -> {
            first.accept(event);
            value.accept(event);
        });
    }

    /** Returns this configuration with {@code observer} added after the observers it has. */
    public ActorSystemConfig observer(ActorObserver observer) {
        List<ActorObserver> more = new ArrayList<>(observers);
        more.add(Objects.requireNonNull(observer, "observer"));
        return new ActorSystemConfig(name, parallelism, throughput, defaultMailbox, callTimeout, sendTimeout,
                shutdownTimeout, watchdog, schedulingMetrics, schedulingListener, more, blocking);
    }

    /** Returns this configuration with another blocking compensation. */
    public ActorSystemConfig blocking(Blocking value) {
        return new ActorSystemConfig(name, parallelism, throughput, defaultMailbox, callTimeout, sendTimeout,
                shutdownTimeout, watchdog, schedulingMetrics, schedulingListener, observers, value);
    }

    private static void requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
