package io.heddle.bench;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Heap per idle actor, and the time to spawn many actors and deliver one message to each. Not a JMH benchmark: run it
 * once per implementation, each in a fresh JVM:
 *
 * <pre>java --sun-misc-unsafe-memory-access=allow -cp benchmarks.jar io.heddle.bench.IdleActorMemory heddle [count] [--json file]</pre>
 *
 * <p>With {@code --json file} the result is also written to {@code file} as one JSON object, which
 * {@link io.heddle.bench.report.Report} reads.
 *
 * <p>Implementations: {@code heddle} (top-level actors spawned from the main thread, default options), {@code pekko}
 * (children of the guardian, spawned and sent to by the guardian itself: Pekko spawns only from inside an actor), and
 * {@code vthread} for reference (a virtual thread per "actor", parked in {@code LinkedTransferQueue.take()}; the
 * program keeps the queues in an array, 4 bytes per actor included).
 *
 * <p>Method: start the system, full GC, read heap used; spawn {@code count} actors and send each one message; wait
 * until every actor has handled it; full GC, read heap used again. Bytes per actor = difference / count: the actors
 * and whatever the framework keeps per actor, with the actors idle and their mailboxes empty. The time is measured once,
 * in a fresh JVM, so it includes warming up the spawn path: it is what a program that starts many actors at startup
 * sees.
 */
public final class IdleActorMemory {

    /** The message each actor gets. */
    private static final String HELLO = "hello";

    /**
     * One measurement.
     *
     * @param impl          the implementation
     * @param count         actors spawned
     * @param delivered     messages handled, which must equal {@code count}
     * @param bytesPerActor heap growth per idle actor
     * @param spawnAndDeliverMillis time from the first spawn until every actor has handled its message
     * @param shutdownMillis time to stop the system afterwards
     */
    public record Result(String impl, int count, long delivered, double bytesPerActor, double spawnAndDeliverMillis,
                         double shutdownMillis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%s: %,d actors, %,d messages handled, %.0f bytes per idle actor, spawn + 1 message each: %.0f ms,"
                            + " shutdown: %.0f ms", impl, count, delivered, bytesPerActor, spawnAndDeliverMillis,
                    shutdownMillis);
        }

        /** This result as one JSON object, numbers at full precision. */
        public String toJson() {
            return "{\"impl\": \"" + impl + "\", \"count\": " + count + ", \"delivered\": " + delivered
                    + ", \"bytesPerActor\": " + bytesPerActor + ", \"spawnAndDeliverMillis\": " + spawnAndDeliverMillis
                    + ", \"shutdownMillis\": " + shutdownMillis + "}";
        }
    }

    private IdleActorMemory() {}

    /** Usage: {@code IdleActorMemory heddle|pekko|vthread [count] [--json file]}. */
    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>(List.of(args));
        Path json = null;
        int flag = positional.indexOf("--json");
        if (flag >= 0 && flag + 1 < positional.size()) {
            json = Path.of(positional.remove(flag + 1));
            positional.remove(flag);
        }
        if (positional.isEmpty() || positional.size() > 2 || flag >= 0 && json == null) {
            System.err.println("usage: IdleActorMemory heddle|pekko|vthread [count, default 1000000] [--json file]");
            System.exit(2);
        }
        int count = positional.size() > 1 ? Integer.parseInt(positional.get(1).replace("_", "")) : 1_000_000;
        System.out.println(Runtime.version() + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        Result result = measure(positional.getFirst(), count);
        System.out.println(result);
        if (json != null) Files.writeString(json, result.toJson() + "\n");
        System.exit(0);
    }

    /** Measures {@code count} actors of {@code impl}; checks that every actor handled its message. */
    public static Result measure(String impl, int count) throws Exception {
        return switch (impl) {
            case "heddle" -> heddle(count);
            case "pekko" -> pekko(count);
            case "vthread" -> virtualThreads(count);
            default -> throw Bench.unknown(impl);
        };
    }

    private static Result heddle(int count) throws Exception {
        ActorSystem system = ActorSystem.create("bench-memory");
        AtomicInteger handled = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        Behavior<String> idle = (ctx, message) -> {
            if (handled.incrementAndGet() == count) done.countDown();
            return Behaviors.same();
        };
        system.spawn(idle).cast(HELLO); // warm up, and leave the system's own allocations out of the measure
        while (handled.get() < 1) Thread.onSpinWait();
        handled.set(0);
        long before = heapUsedAfterGc();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ActorRef<String> ref = system.spawn(idle);
            ref.cast(HELLO);
        }
        await(done, handled, count);
        long elapsed = System.nanoTime() - start;
        long after = heapUsedAfterGc();
        Reference.reachabilityFence(system);
        long stopStart = System.nanoTime();
        system.close();
        return new Result("heddle", count, handled.get(), (after - before) / (double) count, elapsed / 1e6,
                (System.nanoTime() - stopStart) / 1e6);
    }

    private static Result pekko(int count) throws Exception {
        PekkoHost host = new PekkoHost("bench-memory");
        AtomicInteger handled = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        org.apache.pekko.actor.typed.Behavior<String> idle =
                org.apache.pekko.actor.typed.javadsl.Behaviors.receiveMessage(message -> {
                    if (handled.incrementAndGet() == count) done.countDown();
                    return org.apache.pekko.actor.typed.javadsl.Behaviors.same();
                });
        host.spawn(idle).tell(HELLO);
        while (handled.get() < 1) Thread.onSpinWait();
        handled.set(0);
        long before = heapUsedAfterGc();
        long start = System.nanoTime();
        host.inGuardian(ctx -> {
            for (int i = 0; i < count; i++) ctx.spawnAnonymous(idle).tell(HELLO);
            return null;
        });
        await(done, handled, count);
        long elapsed = System.nanoTime() - start;
        long after = heapUsedAfterGc();
        Reference.reachabilityFence(host);
        long stopStart = System.nanoTime();
        host.close();
        return new Result("pekko", count, handled.get(), (after - before) / (double) count, elapsed / 1e6,
                (System.nanoTime() - stopStart) / 1e6);
    }

    private static Result virtualThreads(int count) throws Exception {
        AtomicInteger handled = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        Object stop = new Object();
        long before = heapUsedAfterGc();
        long start = System.nanoTime();
        @SuppressWarnings("unchecked")
        LinkedTransferQueue<Object>[] queues = (LinkedTransferQueue<Object>[]) new LinkedTransferQueue<?>[count];
        for (int i = 0; i < count; i++) {
            LinkedTransferQueue<Object> queue = new LinkedTransferQueue<>();
            queues[i] = queue;
            Thread.ofVirtual().start(() -> {
                try {
                    while (queue.take() != stop) {
                        if (handled.incrementAndGet() == count) done.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            queue.offer(HELLO);
        }
        await(done, handled, count);
        long elapsed = System.nanoTime() - start;
        long after = heapUsedAfterGc();
        long stopStart = System.nanoTime();
        for (LinkedTransferQueue<Object> q : queues) q.offer(stop);
        Reference.reachabilityFence(queues);
        return new Result("vthread", count, handled.get(), (after - before) / (double) count, elapsed / 1e6,
                (System.nanoTime() - stopStart) / 1e6);
    }

    private static void await(CountDownLatch done, AtomicInteger handled, int count)
            throws InterruptedException, TimeoutException {
        if (!done.await(Check.TIMEOUT_SECONDS * 5, TimeUnit.SECONDS)) {
            throw new TimeoutException(handled.get() + " of " + count + " actors handled their message");
        }
        Check.expect("messages handled", handled.get(), count);
    }

    /**
     * Heap used after full collections. {@code System.gc()} returns once the collection is done; a few more rounds let
     * reference processing and cleaners release what the first round found, until the reading stops falling.
     */
    private static long heapUsedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (i >= 3 && now >= used) return used;
            used = Math.min(used, now);
        }
        return used;
    }
}
