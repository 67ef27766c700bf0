package io.heddle.supervision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A supervisor's strategy, restart intensity, children and options: OTP's supervisor flags plus Bastion's children
 * group redundancy. Start from {@link #oneForOne()}, {@link #oneForAll()} or {@link #restForOne()}:
 *
 * {@snippet :
 * SupervisorSpec spec = SupervisorSpec.oneForOne()
 *         .restartIntensity(3, Duration.ofSeconds(5))          // the default
 *         .child(ChildSpec.worker("inventory", Inventory::new))
 *         .child(ChildSpec.worker("gateway", PaymentGateway::new));
 * }
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>strategy</td><td>{@link Strategy#ONE_FOR_ONE}</td><td>what is restarted with a failed child</td></tr>
 *   <tr><td>restart intensity</td><td>3 restarts in 5 seconds</td><td>one restart more within the period and the
 *       supervisor gives up: it stops its children, newest first, and exits with
 *       {@link RestartIntensityExceededException} as the error, so its own supervisor decides</td></tr>
 *   <tr><td>auto shutdown</td><td>{@link AutoShutdown#NEVER}</td><td>stop when significant children exit</td></tr>
 *   <tr><td>minimum healthy</td><td>0 (off)</td><td>fewer healthy children than this and the supervisor reports
 *       itself degraded; none healthy, unhealthy</td></tr>
 * </table>
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param strategy     what to restart
 * @param maxRestarts  restarts allowed within {@code period}; 0 means give up at the first
 * @param period       the intensity window
 * @param autoShutdown when significant children stop the supervisor
 * @param minHealthy   the redundancy threshold, 0 for none
 * @param children     the children, in start order
 */
public record SupervisorSpec(Strategy strategy, int maxRestarts, Duration period, AutoShutdown autoShutdown,
                             int minHealthy, List<ChildSpec<?>> children) {

    /** The default restart intensity: 3 restarts... */
    public static final int DEFAULT_MAX_RESTARTS = 3;
    /** ...in 5 seconds. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

    /** Validates the components. */
    public SupervisorSpec {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(autoShutdown, "autoShutdown");
        if (maxRestarts < 0) throw new IllegalArgumentException("maxRestarts must be >= 0, got " + maxRestarts);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("restart intensity period must be positive, got " + period);
        }
        if (minHealthy < 0) throw new IllegalArgumentException("minHealthy must be >= 0, got " + minHealthy);
        children = List.copyOf(children);
        Set<String> ids = new HashSet<>();
        for (ChildSpec<?> child : children) {
            if (!ids.add(child.id())) {
                throw new IllegalArgumentException("two children have the id '" + child.id() + "'; ids must be unique"
                        + " within a supervisor");
            }
            if (child.significant() && autoShutdown == AutoShutdown.NEVER) {
                throw new IllegalArgumentException("child '" + child.id() + "' is significant but auto shutdown is "
                        + "NEVER; set autoShutdown(ANY_SIGNIFICANT or ALL_SIGNIFICANT) or drop significant");
            }
        }
    }

    /** Returns an empty one-for-one spec with the defaults. */
    public static SupervisorSpec oneForOne() {
        return of(Strategy.ONE_FOR_ONE);
    }

    /** Returns an empty one-for-all spec with the defaults. */
    public static SupervisorSpec oneForAll() {
        return of(Strategy.ONE_FOR_ALL);
    }

    /** Returns an empty rest-for-one spec with the defaults. */
    public static SupervisorSpec restForOne() {
        return of(Strategy.REST_FOR_ONE);
    }

    private static SupervisorSpec of(Strategy strategy) {
        return new SupervisorSpec(strategy, DEFAULT_MAX_RESTARTS, DEFAULT_PERIOD, AutoShutdown.NEVER, 0, List.of());
    }

    /** Returns this spec with a child added after the others. */
    public SupervisorSpec child(ChildSpec<?> child) {
        List<ChildSpec<?>> more = new ArrayList<>(children);
        more.add(Objects.requireNonNull(child, "child"));
        return new SupervisorSpec(strategy, maxRestarts, period, autoShutdown, minHealthy, more);
    }

    /** Returns this spec allowing at most {@code restarts} restarts within {@code within}. */
    public SupervisorSpec restartIntensity(int restarts, Duration within) {
        return new SupervisorSpec(strategy, restarts, within, autoShutdown, minHealthy, children);
    }

    /** Returns this spec with another auto-shutdown rule. */
    public SupervisorSpec autoShutdown(AutoShutdown value) {
        return new SupervisorSpec(strategy, maxRestarts, period, value, minHealthy, children);
    }

    /** Returns this spec with a minimum number of healthy children. */
    public SupervisorSpec minHealthy(int value) {
        return new SupervisorSpec(strategy, maxRestarts, period, autoShutdown, value, children);
    }
}
