package io.heddle.observe.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Everything some callback reported, in order, with a way to wait for the one a test needs. Thread-safe: callbacks add
 * from runtime threads, the test waits on its own.
 *
 * @param <E> what is reported
 */
public final class EventLog<E> implements Consumer<E> {

    /** How long {@link #await} waits before failing the test. */
    public static final long TIMEOUT_SECONDS = 10;

    private final List<E> events = new ArrayList<>();

    @Override
    public synchronized void accept(E event) {
        events.add(event);
        notifyAll();
    }

    /** Returns the first event that {@code which} accepts, waiting for it if need be; fails after 10 s. */
    public synchronized <T extends E> T await(Class<T> type, Predicate<? super T> which, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        for (int seen = 0; ; ) {
            for (; seen < events.size(); seen++) {
                E event = events.get(seen);
                if (type.isInstance(event) && which.test(type.cast(event))) return type.cast(event);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + TIMEOUT_SECONDS + " s for " + what + "; got " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits until {@code count} events have been reported in all, and returns them in order; fails after 10 s. */
    public synchronized List<E> awaitCount(int count, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (events.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("waited " + TIMEOUT_SECONDS + " s for " + what + "; got " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return List.copyOf(events);
    }

    /** Returns how many events so far are of {@code type} and accepted by {@code which}. */
    public synchronized <T extends E> long count(Class<T> type, Predicate<? super T> which) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(which).count();
    }
}
