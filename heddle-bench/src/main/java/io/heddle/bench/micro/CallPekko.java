package io.heddle.bench.micro;

import io.heddle.bench.PekkoHost;
import io.heddle.bench.Workload;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** {@link Call} on Pekko typed: a virtual thread asks one actor and blocks on the future of each reply. */
final class CallPekko implements Workload {

    record Get(ActorRef<Long> replyTo) {}

    private static Behavior<Get> server() {
        return Behaviors.setup(ctx -> {
            long[] served = new long[1];
            return Behaviors.receiveMessage(get -> {
                get.replyTo().tell(++served[0]);
                return Behaviors.same();
            });
        });
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final PekkoHost host = new PekkoHost("bench-call");
    private final ActorRef<Get> server;

    CallPekko() throws Exception {
        server = host.spawn(server());
    }

    private long call() throws Exception {
        return AskPattern.<Get, Long>ask(server, Get::new, TIMEOUT, host.system.scheduler())
                .toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public long run(int n) throws Exception {
        return Call.onVirtualThread("pekko call replies", n, () -> {
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
        host.close();
    }
}
