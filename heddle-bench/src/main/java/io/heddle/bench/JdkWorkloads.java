package io.heddle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bare-JDK baselines: what the same workload costs written by hand with threads and {@code java.util.concurrent}
 * queues, no framework. Every "actor" here is a thread blocked in {@link LinkedTransferQueue#take()} (which spins
 * briefly, then parks), so these are also the "one thread per actor" model.
 */
final class JdkWorkloads {

    private JdkWorkloads() {}

    /** Sent to a thread's queue to end its loop. */
    private static final Object POISON = new Object();

    /** Runs {@code body} on a new virtual thread, waits for it, and checks the count it returns. */
    static long inVirtualThread(String what, long expected, Callable<Long> body) throws Exception {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = Thread.ofVirtual().start(() -> {
            try {
                outcome.set(body.call());
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        if (!thread.join(java.time.Duration.ofSeconds(Check.TIMEOUT_SECONDS))) {
            thread.interrupt();
            throw new TimeoutException(what + ": caller not finished after " + Check.TIMEOUT_SECONDS + " s");
        }
        Object result = outcome.get();
        if (result instanceof Exception e) throw e;
        if (result instanceof Throwable t) throw new IllegalStateException(what + " failed", t);
        return Check.expect(what, (Long) result, expected);
    }

    private static Thread loop(String name, LinkedTransferQueue<Object> queue, java.util.function.Consumer<Object> body) {
        return Thread.ofVirtual().name(name).start(() -> {
            try {
                for (;;) {
                    Object message = queue.take();
                    if (message == POISON) return;
                    body.accept(message);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void stop(List<Thread> threads, List<LinkedTransferQueue<Object>> queues) {
        for (LinkedTransferQueue<Object> q : queues) q.offer(POISON);
        for (Thread t : threads) join(t);
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------------ ping-pong

    record Ball(int remaining, Run run) {}

    /**
     * Two virtual threads bounce a ball through two {@link LinkedTransferQueue}s; the main thread only starts the run.
     */
    static final class PingPong implements Workload {
        private final LinkedTransferQueue<Object> toPing = new LinkedTransferQueue<>();
        private final LinkedTransferQueue<Object> toPong = new LinkedTransferQueue<>();
        private final List<Thread> threads = new ArrayList<>();

        PingPong() {
            threads.add(loop("ping", toPing, m -> bounce((Ball) m, toPong)));
            threads.add(loop("pong", toPong, m -> bounce((Ball) m, toPing)));
        }

        private static void bounce(Ball ball, LinkedTransferQueue<Object> other) {
            ball.run().hit(ball.remaining() == 1);
            if (ball.remaining() > 1) other.offer(new Ball(ball.remaining() - 1, ball.run()));
        }

        @Override
        public long run(int n) throws Exception {
            Run run = new Run(2L * n);
            toPing.offer(new Ball(2 * n, run));
            return run.await("jdk ping-pong hops");
        }

        @Override
        public void close() {
            stop(threads, List.of(toPing, toPong));
        }
    }

    // ------------------------------------------------------------------------------------------------ thread ring

    record Token(int remaining, Run run) {}

    /** {@code size} virtual threads in a ring, each blocked on its own queue, pass a token. */
    static final class ThreadRing implements Workload {
        private final List<LinkedTransferQueue<Object>> queues = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();

        ThreadRing(int size) {
            for (int i = 0; i < size; i++) queues.add(new LinkedTransferQueue<>());
            for (int i = 0; i < size; i++) {
                LinkedTransferQueue<Object> next = queues.get((i + 1) % size);
                threads.add(loop("ring-" + i, queues.get(i), m -> {
                    Token token = (Token) m;
                    token.run().hit(token.remaining() == 1);
                    if (token.remaining() > 1) next.offer(new Token(token.remaining() - 1, token.run()));
                }));
            }
        }

        @Override
        public long run(int n) throws Exception {
            Run run = new Run(n);
            queues.getFirst().offer(new Token(n, run));
            return run.await("jdk ring hops");
        }

        @Override
        public void close() {
            stop(threads, queues);
        }
    }

    // ------------------------------------------------------------------------------------------------ fan-in

    /** The one increment message, shared as in the actor versions. */
    private static final Object INC = new Object();

    /**
     * Two platform threads offer n messages each to one unbounded {@link LinkedTransferQueue}; one platform thread
     * takes and counts them.
     */
    static final class FanIn implements Workload {
        private final LinkedTransferQueue<Object> queue = new LinkedTransferQueue<>();
        private final ExecutorService senders = Executors.newFixedThreadPool(2);
        private final Thread consumer;

        FanIn() {
            consumer = Thread.ofPlatform().name("fanin-consumer").daemon().start(() -> {
                Run run = null;
                try {
                    for (;;) {
                        Object message = queue.take();
                        if (message == INC) run.hit();
                        else if (message instanceof Run r) run = r;
                        else return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        @Override
        public long run(int n) throws Exception {
            Run run = new Run(2L * n);
            queue.offer(run);
            Runnable send = () -> {
                for (int i = 0; i < n; i++) queue.offer(INC);
            };
            Future<?> a = senders.submit(send);
            Future<?> b = senders.submit(send);
            a.get();
            b.get();
            return run.await("jdk fan-in messages");
        }

        @Override
        public void close() {
            senders.shutdownNow();
            queue.offer(POISON);
            join(consumer);
        }
    }

    // ------------------------------------------------------------------------------------------------ call

    /**
     * A virtual thread sends requests (each a {@link CompletableFuture}) through a queue to a server virtual thread,
     * which completes them; the caller waits on each future in turn.
     */
    static final class Call implements Workload {
        private final LinkedTransferQueue<Object> requests = new LinkedTransferQueue<>();
        private final List<Thread> threads = new ArrayList<>();
        private long served; // server thread only

        Call() {
            threads.add(loop("server", requests, m -> {
                @SuppressWarnings("unchecked")
                CompletableFuture<Long> reply = (CompletableFuture<Long>) m;
                reply.complete(++served);
            }));
        }

        private long call() throws Exception {
            CompletableFuture<Long> reply = new CompletableFuture<>();
            requests.offer(reply);
            return reply.get(5, TimeUnit.SECONDS);
        }

        @Override
        public long run(int n) throws Exception {
            return inVirtualThread("jdk call replies", n, () -> {
                long first = call();
                long inOrder = 1;
                for (int i = 1; i < n; i++) {
                    if (call() == first + i) inOrder++;
                }
                return inOrder;
            });
        }

        @Override
        public void close() {
            stop(threads, List.of(requests));
        }
    }
}
