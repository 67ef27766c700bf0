package io.heddle.internal.system;

import io.heddle.internal.time.RuntimeClock;
import io.heddle.DeadLetter;
import io.heddle.DeadLetters;
import io.heddle.Pid;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Where undelivered messages go: subscribers, a ring of the most recent, a counter, and a rate-limited log (at most
 * {@link #LOG_LIMIT} lines per {@link #LOG_WINDOW_NANOS}, then one line with the number suppressed).
 *
 * <p>Thread-safe and lock-free: publishing runs on the thread that failed to deliver, often an actor's.
 */
public final class DeadLetterOffice implements DeadLetters {

    static final int LOG_LIMIT = 10;
    static final long LOG_WINDOW_NANOS = 10_000_000_000L;
    private static final System.Logger LOG = System.getLogger("io.heddle.deadletters");

    private final RuntimeClock clock;
    private final CopyOnWriteArrayList<Consumer<DeadLetter>> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicReferenceArray<DeadLetter> recent = new AtomicReferenceArray<>(RECENT_CAPACITY);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong windowStart;
    private final AtomicInteger loggedInWindow = new AtomicInteger();
    private final AtomicInteger suppressedInWindow = new AtomicInteger();

    DeadLetterOffice(RuntimeClock clock) {
        this.clock = clock;
        this.windowStart = new AtomicLong(clock.nanoTime());
    }

    public void publish(Pid recipient, String recipientName, Object message, DeadLetter.Reason reason) {
        DeadLetter letter = new DeadLetter(recipient, recipientName, message, reason, clock.instant());
        long n = count.getAndIncrement();
        recent.set((int) (n % RECENT_CAPACITY), letter);
        for (Consumer<DeadLetter> subscriber : subscribers) {
            try {
                subscriber.accept(letter);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "dead-letter subscriber " + subscriber + " threw; ignored", e);
            }
        }
        log(letter);
    }

    private void log(DeadLetter letter) {
        if (!LOG.isLoggable(Level.INFO)) return;
        long now = clock.nanoTime();
        long start = windowStart.get();
        if (now - start >= LOG_WINDOW_NANOS && windowStart.compareAndSet(start, now)) {
            int suppressed = suppressedInWindow.getAndSet(0);
            loggedInWindow.set(0);
            if (suppressed > 0) {
                LOG.log(Level.INFO, suppressed + " more dead letters were not logged in the last "
                        + LOG_WINDOW_NANOS / 1_000_000_000L + " s; see ActorSystem.deadLetters()");
            }
        }
        if (loggedInWindow.incrementAndGet() <= LOG_LIMIT) LOG.log(Level.INFO, letter.toString());
        else suppressedInWindow.incrementAndGet();
    }

    @Override
    public AutoCloseable subscribe(Consumer<DeadLetter> listener) {
        Objects.requireNonNull(listener, "listener");
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override
    public List<DeadLetter> recent() {
        long end = count.get();
        long start = Math.max(0, end - RECENT_CAPACITY);
        List<DeadLetter> result = new ArrayList<>((int) (end - start));
        for (long i = start; i < end; i++) {
            DeadLetter letter = recent.get((int) (i % RECENT_CAPACITY));
            if (letter != null) result.add(letter);
        }
        return List.copyOf(result);
    }

    @Override
    public long count() {
        return count.get();
    }
}
