package io.heddle.bench;

/**
 * One workload wired up on one framework: built once per JMH trial (actors spawned, threads started), then run many
 * times. {@link #run(int)} checks its own result and throws when a count is wrong, so a broken framework cannot post a
 * fast score.
 */
public interface Workload extends AutoCloseable {

    /**
     * Runs {@code n} operations of the workload (round trips, hops, messages per sender, calls) and waits for them all.
     *
     * @return the count observed, already checked against the expected count
     * @throws IllegalStateException if the count observed is wrong
     * @throws java.util.concurrent.TimeoutException if the run does not finish within {@link Check#TIMEOUT_SECONDS}
     */
    long run(int n) throws Exception;

    /** Stops the actors, threads and systems built for the workload. */
    @Override
    void close();
}
