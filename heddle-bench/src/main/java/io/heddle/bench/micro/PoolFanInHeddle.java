package io.heddle.bench.micro;

import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.Mailbox;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.bench.Workload;
import io.heddle.routing.Pool;
import io.heddle.routing.PoolSpec;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@link PoolFanIn} on Heddle: two platform threads cast through a round-robin {@link Pool} of four workers. */
final class PoolFanInHeddle implements Workload {

    sealed interface WorkMsg permits Work, Expect {}

    /** The one work message, shared: the benchmark measures the framework, not the allocation of messages. */
    enum Work implements WorkMsg { WORK }

    /** Tells a worker which run to count for; answered, so the worker knows before the senders start. */
    record Expect(Countdown countdown, ReplyTo<Boolean> replyTo) implements WorkMsg {}

    private static Behavior<WorkMsg> worker() {
        Countdown[] run = new Countdown[1];
        return (ctx, msg) -> {
            switch (msg) {
                case Expect(Countdown c, ReplyTo<Boolean> replyTo) -> {
                    run[0] = c;
                    replyTo.reply(true);
                }
                case Work w -> run[0].hit();
            }
            return Behaviors.same();
        };
    }

    private final ActorSystem system = ActorSystem.create("bench-pool");
    private final Pool<WorkMsg> pool = Pool.start(system, PoolSpec.<WorkMsg>of("workers", PoolFanIn.WORKERS,
            PoolFanInHeddle::worker).workerOptions(SpawnOptions.defaults().mailbox(Mailbox.unbounded())));
    private final ExecutorService senders = Executors.newFixedThreadPool(2);

    @Override
    public long run(int n) throws Exception {
        Countdown countdown = new Countdown(2L * n);
        for (var worker : pool.workers()) worker.<Boolean>call(r -> new Expect(countdown, r));
        Runnable send = () -> {
            for (int i = 0; i < n; i++) pool.cast(Work.WORK);
        };
        Future<?> a = senders.submit(send);
        Future<?> b = senders.submit(send);
        a.get();
        b.get();
        return countdown.await("heddle pool fan-in messages");
    }

    @Override
    public void close() {
        senders.shutdownNow();
        pool.close();
        system.close();
    }
}
