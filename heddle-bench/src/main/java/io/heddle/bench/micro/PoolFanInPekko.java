package io.heddle.bench.micro;

import io.heddle.bench.Check;
import io.heddle.bench.PekkoHost;
import io.heddle.bench.Workload;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Routers;

/**
 * {@link PoolFanIn} on Pekko typed: two platform threads tell a {@code Routers.pool(4, worker)} router (round robin,
 * its default), default configuration. Each worker is told its run by a broadcast through the router before the
 * senders start, and answers, so that it knows before the first work arrives.
 */
final class PoolFanInPekko implements Workload {

    sealed interface WorkMsg permits Work, Expect {}

    /** The one work message, shared as in the Heddle version. */
    enum Work implements WorkMsg { WORK }

    record Expect(Countdown countdown, ActorRef<Boolean> replyTo) implements WorkMsg {}

    private static Behavior<WorkMsg> worker() {
        return Behaviors.setup(ctx -> {
            Countdown[] run = new Countdown[1];
            return Behaviors.receiveMessage(msg -> {
                switch (msg) {
                    case Expect(Countdown c, ActorRef<Boolean> replyTo) -> {
                        run[0] = c;
                        replyTo.tell(true);
                    }
                    case Work w -> run[0].hit();
                }
                return Behaviors.same();
            });
        });
    }

    private final PekkoHost host = new PekkoHost("bench-pool");
    private final ActorRef<WorkMsg> router;
    private final ExecutorService senders = Executors.newFixedThreadPool(2);

    PoolFanInPekko() throws Exception {
        router = host.spawn(Routers.pool(PoolFanIn.WORKERS, worker())
                .withRoundRobinRouting()
                .withBroadcastPredicate(msg -> msg instanceof Expect));
    }

    @Override
    public long run(int n) throws Exception {
        Countdown countdown = new Countdown(2L * n);
        // One Expect, broadcast to every worker; wait for all of their answers.
        java.util.concurrent.CountDownLatch told = new java.util.concurrent.CountDownLatch(PoolFanIn.WORKERS);
        ActorRef<Boolean> ack = host.spawn(Behaviors.receiveMessage(b -> {
            told.countDown();
            return Behaviors.same();
        }));
        router.tell(new Expect(countdown, ack));
        Check.await("pekko pool workers told", told, () -> PoolFanIn.WORKERS - told.getCount(), PoolFanIn.WORKERS);
        Runnable send = () -> {
            for (int i = 0; i < n; i++) router.tell(Work.WORK);
        };
        Future<?> a = senders.submit(send);
        Future<?> b = senders.submit(send);
        a.get();
        b.get();
        return countdown.await("pekko pool fan-in messages");
    }

    @Override
    public void close() {
        senders.shutdownNow();
        host.close();
    }
}
