package io.heddle.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a {@link TaskGroup} turns its tasks' outcomes into one result, and when it stops waiting: Loom's joiners, with
 * the roadmap's policies. When a joiner has its answer early (a first success, a first failure, a quorum), the group
 * cancels the tasks still running, waits for them to finish, and then asks the joiner for its result.
 *
 * {@snippet :
 * try (TaskGroup<String> group = TaskGroup.open(system)) {
 *     for (String mirror : mirrors) group.spawn(() -> download(mirror));
 *     String fastest = group.join(Joiner.firstSuccess());          // the others are cancelled
 * }
 * }
 *
 * <table>
 *   <caption>The joiners</caption>
 *   <tr><th>joiner</th><th>stops waiting</th><th>result</th><th>throws</th></tr>
 *   <tr><td>{@link #allCompleted()}</td><td>when all have ended</td><td>every outcome, in spawn order</td>
 *       <td>nothing</td></tr>
 *   <tr><td>{@link #firstFailure()} (the default)</td><td>at the first failure</td><td>all values, in spawn order</td>
 *       <td>{@link TaskFailedException} for the first failure</td></tr>
 *   <tr><td>{@link #firstSuccess()}</td><td>at the first success</td><td>its value</td>
 *       <td>{@link TaskFailedException} if none succeeds, every failure kept</td></tr>
 *   <tr><td>{@link #quorum(int) quorum(n)}</td><td>at the n-th success, or once n can no longer be reached</td>
 *       <td>the n values, in completion order</td><td>{@link TaskFailedException} if the quorum is out of reach</td>
 *       </tr>
 * </table>
 * Cancelled tasks count as neither success nor failure; a join whose group was cancelled (its scope, its deadline)
 * throws {@link CancelledException} unless the joiner already had its answer.
 *
 * <p>A joiner is used by one join, on the joining thread: {@link #onComplete} is called once per task, in the order
 * they end, then {@link #result} once. The factories return a fresh joiner each time.
 *
 * @param <T> the tasks' result type
 * @param <R> the join's result type
 */
public interface Joiner<T, R> {

    /** Where a group stands when a task ends. */
    record Progress(int total, int completed, int succeeded, int failed, int cancelled) {}

    /**
     * Called as each task ends, in the order they end. Return true to stop waiting: the group then cancels the rest.
     */
    boolean onComplete(Outcome<T> outcome, Progress progress);

    /**
     * Returns the join's result from every outcome, in the order the tasks ended (cancelled ones included), or throws.
     */
    R result(List<Outcome<T>> outcomes);

    /** Waits for all; returns every outcome in spawn order. */
    static <T> Joiner<T, List<Outcome<T>>> allCompleted() {
        return new Joiner<>() {
            @Override
            public boolean onComplete(Outcome<T> outcome, Progress progress) {
                return false;
            }

            @Override
            public List<Outcome<T>> result(List<Outcome<T>> outcomes) {
                List<Outcome<T>> inSpawnOrder = new ArrayList<>(outcomes);
                inSpawnOrder.sort(Comparator.comparingInt(o -> o.task().index()));
                return List.copyOf(inSpawnOrder);
            }
        };
    }

    /** Fails fast: stops at the first failure and throws it; otherwise returns every value in spawn order. */
    static <T> Joiner<T, List<T>> firstFailure() {
        return new Joiner<>() {
            @Override
            public boolean onComplete(Outcome<T> outcome, Progress progress) {
                return outcome instanceof Outcome.Failure<T>;
            }

            @Override
            public List<T> result(List<Outcome<T>> outcomes) {
                Outcome.Failure<T> first = null;
                List<Outcome<T>> inSpawnOrder = new ArrayList<>(outcomes);
                for (Outcome<T> o : outcomes) {
                    if (o instanceof Outcome.Failure<T> f) {
                        first = f;
                        break;
                    }
                }
                if (first != null) throw Joiners.failed(first, outcomes, "failed");
                Joiners.throwIfCancelled(outcomes);
                inSpawnOrder.sort(Comparator.comparingInt(o -> o.task().index()));
                List<T> values = new ArrayList<>();
                for (Outcome<T> o : inSpawnOrder) values.add(((Outcome.Success<T>) o).value());
                return java.util.Collections.unmodifiableList(values);
            }
        };
    }

    /** Stops at the first success and returns it; throws, keeping every failure, if none succeeds. */
    static <T> Joiner<T, T> firstSuccess() {
        return new Joiner<>() {
            @Override
            public boolean onComplete(Outcome<T> outcome, Progress progress) {
                return outcome instanceof Outcome.Success<T>;
            }

            @Override
            public T result(List<Outcome<T>> outcomes) {
                for (Outcome<T> o : outcomes) {
                    if (o instanceof Outcome.Success<T> s) return s.value();
                }
                Outcome.Failure<T> first = Joiners.firstFailure(outcomes);
                if (first == null) Joiners.throwIfCancelled(outcomes);
                if (first == null) throw new CancelledException("the group had no tasks to succeed");
                throw Joiners.failed(first, outcomes, "no task succeeded; the first to fail");
            }
        };
    }

    /**
     * Stops once {@code n} tasks have succeeded and returns their values in completion order; stops, and throws, as
     * soon as so many have failed or been cancelled that {@code n} successes are out of reach.
     *
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    static <T> Joiner<T, List<T>> quorum(int n) {
        if (n < 1) throw new IllegalArgumentException("a quorum needs at least 1 success, got " + n);
        return new Joiner<>() {
            @Override
            public boolean onComplete(Outcome<T> outcome, Progress progress) {
                int stillPossible = progress.total() - progress.failed() - progress.cancelled();
                return progress.succeeded() >= n || stillPossible < n;
            }

            @Override
            public List<T> result(List<Outcome<T>> outcomes) {
                List<T> values = new ArrayList<>();
                for (Outcome<T> o : outcomes) {
                    if (o instanceof Outcome.Success<T> s && values.size() < n) values.add(s.value());
                }
                if (values.size() >= n) return java.util.Collections.unmodifiableList(values);
                Outcome.Failure<T> first = Joiners.firstFailure(outcomes);
                if (first == null) {
                    throw new CancelledException("quorum of " + n + " not reached: " + values.size()
                            + " succeeded, the others were cancelled");
                }
                throw Joiners.failed(first, outcomes, "quorum of " + n + " out of reach (" + values.size()
                        + " succeeded); the first to fail");
            }
        };
    }

    /**
     * A joiner from a stopping rule over the counts (the roadmap's JoinerPolicy) and a function of the outcomes.
     *
     * @param stop   decides, after each completion, whether to stop waiting
     * @param result computes the result from the outcomes in completion order
     */
    static <T, R> Joiner<T, R> custom(StopRule stop, Function<List<Outcome<T>>, R> result) {
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(result, "result");
        return new Joiner<>() {
            @Override
            public boolean onComplete(Outcome<T> outcome, Progress progress) {
                return stop.shouldStop(progress);
            }

            @Override
            public R result(List<Outcome<T>> outcomes) {
                return result.apply(outcomes);
            }
        };
    }

    /** When a custom joiner stops waiting. */
    @FunctionalInterface
    interface StopRule {
        /** Returns true to stop waiting and cancel the tasks still running. */
        boolean shouldStop(Progress progress);
    }
}
