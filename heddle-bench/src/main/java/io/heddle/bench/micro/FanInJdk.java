package io.heddle.bench.micro;

import io.heddle.bench.Run;
import io.heddle.bench.Workload;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedTransferQueue;

/**
 * {@link FanIn} on the bare JDK: two platform threads offer to one unbounded {@link LinkedTransferQueue}; one platform
 * thread takes and counts.
 */
final class FanInJdk implements Workload {

    /** The one increment message, shared as in the actor versions. */
    private static final Object INC = new Object();

    private static final Object STOP = new Object();

    private final LinkedTransferQueue<Object> queue = new LinkedTransferQueue<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(2);
    private final Thread consumer;

    FanInJdk() {
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
        queue.offer(STOP);
        try {
            consumer.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
