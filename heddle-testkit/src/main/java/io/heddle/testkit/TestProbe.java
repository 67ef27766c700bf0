package io.heddle.testkit;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behaviors;
import io.heddle.ExitReason;
import io.heddle.Mailbox;
import io.heddle.SpawnOptions;
import io.heddle.internal.time.RuntimeClock;
import io.heddle.internal.system.SystemImpl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * An actor that records the messages sent to it, with assertions that wait for them. Waits run on the system's clock,
 * so in a {@link Simulation} a three-second timeout is three seconds of virtual time, which passes in no time at all
 * when nothing else can run.
 *
 * {@snippet :
 * TestProbe<Reply> probe = TestProbe.create(system);
 * service.cast(new Request("x", probe.ref()));
 * Reply reply = probe.expectMessage(Reply.class);
 * probe.expectNoMessage(Duration.ofMillis(100));
 * }
 *
 * <p>Threading: one thread (the test's) waits on a probe at a time; any actor may send to it.
 *
 * @param <M> the type of messages the probe accepts
 */
public final class TestProbe<M> {

    /** The timeout of the expectations that take none: 3 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final ActorRef<M> ref;
    private final RuntimeClock clock;
    private final ConcurrentLinkedQueue<M> received = new ConcurrentLinkedQueue<>();
    private volatile Thread waiter;

    private TestProbe(ActorSystem system, String name) {
        this.clock = ((SystemImpl) system).clock();
        this.ref = system.spawn((ctx, message) -> {
            received.add(message);
            Thread w = waiter;
            if (w != null) LockSupport.unpark(w);
            return Behaviors.same();
        }, SpawnOptions.named(name).mailbox(Mailbox.unbounded()));
    }

    /** Spawns a probe in {@code system}. */
    public static <M> TestProbe<M> create(ActorSystem system) {
        return create(system, "probe");
    }

    /** Spawns a probe named {@code name} in {@code system}. */
    public static <M> TestProbe<M> create(ActorSystem system, String name) {
        return new TestProbe<>(Objects.requireNonNull(system, "system"), name);
    }

    /** Returns the probe's reference, to send to it or give to the actors under test. */
    public ActorRef<M> ref() {
        return ref;
    }

    /** Waits up to {@code timeout} for the next message and returns it. */
    public M receive(Duration timeout) {
        M message = poll(timeout);
        if (message == null) {
            throw new AssertionError("probe " + ref + " received no message within " + timeout.toMillis() + " ms");
        }
        return message;
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} for the next message and returns it. */
    public M expectMessage() {
        return receive(DEFAULT_TIMEOUT);
    }

    /** Waits for the next message and checks it equals {@code expected}. */
    public M expectMessage(M expected) {
        return expectMessage(expected, DEFAULT_TIMEOUT);
    }

    /** Waits up to {@code timeout} for the next message and checks it equals {@code expected}. */
    public M expectMessage(M expected, Duration timeout) {
        M message = receive(timeout);
        if (!Objects.equals(expected, message)) {
            throw new AssertionError("probe " + ref + " expected " + expected + " but received " + message);
        }
        return message;
    }

    /** Waits for the next message and checks it is a {@code type}. */
    public <T extends M> T expectMessage(Class<T> type) {
        return expectMessage(type, DEFAULT_TIMEOUT);
    }

    /** Waits up to {@code timeout} for the next message and checks it is a {@code type}. */
    public <T extends M> T expectMessage(Class<T> type, Duration timeout) {
        M message = receive(timeout);
        if (!type.isInstance(message)) {
            throw new AssertionError("probe " + ref + " expected a " + type.getSimpleName() + " but received "
                    + message);
        }
        return type.cast(message);
    }

    /** Waits for {@code n} messages, up to {@code timeout} in all, and returns them in order. */
    public List<M> receiveN(int n, Duration timeout) {
        long deadline = clock.nanoTime() + timeout.toNanos();
        List<M> messages = new ArrayList<>(n);
        while (messages.size() < n) {
            M message = poll(Duration.ofNanos(Math.max(0, deadline - clock.nanoTime())));
            if (message == null) {
                throw new AssertionError("probe " + ref + " received " + messages.size() + " of " + n
                        + " messages within " + timeout.toMillis() + " ms: " + messages);
            }
            messages.add(message);
        }
        return messages;
    }

    /**
     * Checks that no message arrives within {@code duration}. This waits the whole duration: cheap in virtual time,
     * a real wait outside a simulation.
     */
    public void expectNoMessage(Duration duration) {
        M message = poll(duration);
        if (message != null) {
            throw new AssertionError("probe " + ref + " expected no message within " + duration.toMillis()
                    + " ms but received " + message);
        }
    }

    /** Waits up to {@code timeout} for {@code actor} to stop and returns why. */
    public ExitReason expectTerminated(ActorRef<?> actor, Duration timeout) {
        CompletableFuture<ExitReason> done = actor.termination();
        Thread me = Thread.currentThread();
        done.whenComplete((r, e) -> LockSupport.unpark(me));
        long deadline = clock.nanoTime() + timeout.toNanos();
        while (!done.isDone()) {
            long remaining = deadline - clock.nanoTime();
            if (remaining <= 0) {
                throw new AssertionError(actor + " did not stop within " + timeout.toMillis() + " ms");
            }
            clock.parkNanos(this, remaining);
        }
        return done.join();
    }

    /** Returns the messages received and not yet taken, without waiting, and forgets them. */
    public List<M> drain() {
        List<M> all = new ArrayList<>();
        M m;
        while ((m = received.poll()) != null) all.add(m);
        return all;
    }

    private M poll(Duration timeout) {
        M message = received.poll();
        if (message != null) return message;
        long deadline = clock.nanoTime() + timeout.toNanos();
        waiter = Thread.currentThread();
        try {
            while ((message = received.poll()) == null) {
                long remaining = deadline - clock.nanoTime();
                if (remaining <= 0) return null;
                clock.parkNanos(this, remaining);
            }
            return message;
        } finally {
            waiter = null;
        }
    }

    @Override
    public String toString() {
        return "TestProbe" + ref;
    }
}
