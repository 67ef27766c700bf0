package io.heddle.routing;

import io.heddle.Behavior;
import io.heddle.SpawnOptions;
import io.heddle.supervision.DynamicSupervisorSpec;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a {@link Pool} runs: identical workers made by {@code worker}, between {@code minSize} and {@code maxSize} of
 * them, routed to by {@code strategy}, resized by {@code resizer} (null for a pool of fixed size), supervised as
 * {@code supervision} says.
 *
 * {@snippet :
 * var spec = PoolSpec.of("resizers", 2, ImageResizer::new)
 *         .size(2, 8)
 *         .resizer(Resizer.defaults().growAt(5));
 * }
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param name          the pool's name; workers are named {@code <name>-<n>}, and keep the name across restarts
 * @param worker        makes one worker's behavior; called again for every start and restart
 * @param minSize       workers started at once, and the least the pool shrinks to
 * @param maxSize       the most it grows to
 * @param strategy      how messages are routed to workers; default round robin
 * @param resizer       when it grows and shrinks, or null to stay at {@code minSize}
 * @param workerOptions spawn options of the workers (mailbox, scheduling); their name is set by the pool
 * @param supervision   restart intensity of the workers' supervisor
 */
public record PoolSpec<M>(String name, Supplier<? extends Behavior<M>> worker, int minSize, int maxSize,
                          RoutingStrategy strategy, Resizer resizer, SpawnOptions workerOptions,
                          DynamicSupervisorSpec supervision) {

    /** Validates the components. */
    public PoolSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("a pool's name must not be blank");
        Objects.requireNonNull(worker, "worker");
        if (minSize < 1) throw new IllegalArgumentException("minSize must be >= 1, got " + minSize);
        if (maxSize < minSize) {
            throw new IllegalArgumentException("maxSize (" + maxSize + ") must not be below minSize (" + minSize + ")");
        }
        Objects.requireNonNull(strategy, "strategy");
        if (strategy instanceof RoutingStrategy.Broadcast) {
            throw new IllegalArgumentException("a pool shares work among its workers; broadcast to them with "
                    + "Router.of over Pool.workers() instead");
        }
        Objects.requireNonNull(workerOptions, "workerOptions");
        Objects.requireNonNull(supervision, "supervision");
    }

    /** A pool of {@code size} workers, round robin, fixed size, with default supervision (3 restarts in 5 s). */
    public static <M> PoolSpec<M> of(String name, int size, Supplier<? extends Behavior<M>> worker) {
        return new PoolSpec<>(name, worker, size, size, RoutingStrategy.roundRobin(), null, SpawnOptions.defaults(),
                DynamicSupervisorSpec.defaults());
    }

    /** Returns this spec with other bounds; give it a {@link #resizer} to move between them. */
    public PoolSpec<M> size(int min, int max) {
        return new PoolSpec<>(name, worker, min, max, strategy, resizer, workerOptions, supervision);
    }

    /** Returns this spec with another routing strategy. */
    public PoolSpec<M> strategy(RoutingStrategy value) {
        return new PoolSpec<>(name, worker, minSize, maxSize, value, resizer, workerOptions, supervision);
    }

    /** Returns this spec resizing as {@code value} says (null: never). */
    public PoolSpec<M> resizer(Resizer value) {
        return new PoolSpec<>(name, worker, minSize, maxSize, strategy, value, workerOptions, supervision);
    }

    /** Returns this spec with other worker spawn options. */
    public PoolSpec<M> workerOptions(SpawnOptions value) {
        return new PoolSpec<>(name, worker, minSize, maxSize, strategy, resizer, value, supervision);
    }

    /** Returns this spec with another supervision of the workers. */
    public PoolSpec<M> supervision(DynamicSupervisorSpec value) {
        return new PoolSpec<>(name, worker, minSize, maxSize, strategy, resizer, workerOptions, value);
    }
}
