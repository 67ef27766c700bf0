package io.heddle.bench.micro;

import io.heddle.bench.Workload;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@link PoolFanIn} on the bare JDK: two platform threads submit a task per message to a fixed pool of four platform
 * threads ({@code Executors.newFixedThreadPool}, one shared queue); each task counts one down.
 */
final class PoolFanInJdk implements Workload {

    private final ExecutorService workers = Executors.newFixedThreadPool(PoolFanIn.WORKERS);
    private final ExecutorService senders = Executors.newFixedThreadPool(2);

    @Override
    public long run(int n) throws Exception {
        Countdown countdown = new Countdown(2L * n);
        Runnable work = countdown::hit;
        Runnable send = () -> {
            for (int i = 0; i < n; i++) workers.execute(work);
        };
        Future<?> a = senders.submit(send);
        Future<?> b = senders.submit(send);
        a.get();
        b.get();
        return countdown.await("jdk pool fan-in messages");
    }

    @Override
    public void close() {
        senders.shutdownNow();
        workers.shutdownNow();
    }
}
