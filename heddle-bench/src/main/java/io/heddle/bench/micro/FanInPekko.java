package io.heddle.bench.micro;

import io.heddle.bench.PekkoHost;
import io.heddle.bench.Run;
import io.heddle.bench.Workload;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** {@link FanIn} on Pekko typed: two platform threads tell one counting actor, default configuration. */
final class FanInPekko implements Workload {

    sealed interface CounterMsg permits Inc, Expect {}

    /** The one increment message, shared as in the Heddle version. */
    enum Inc implements CounterMsg { INC }

    record Expect(Run run) implements CounterMsg {}

    private static Behavior<CounterMsg> counter() {
        return Behaviors.setup(ctx -> {
            Run[] run = new Run[1];
            return Behaviors.receiveMessage(message -> {
                switch (message) {
                    case Expect(Run r) -> run[0] = r;
                    case Inc i -> run[0].hit();
                }
                return Behaviors.same();
            });
        });
    }

    private final PekkoHost host = new PekkoHost("bench-fanin");
    private final ActorRef<CounterMsg> counter;
    private final ExecutorService senders = Executors.newFixedThreadPool(2);

    FanInPekko() throws Exception {
        counter = host.spawn(counter());
    }

    @Override
    public long run(int n) throws Exception {
        Run run = new Run(2L * n);
        counter.tell(new Expect(run));
        Runnable send = () -> {
            for (int i = 0; i < n; i++) counter.tell(Inc.INC);
        };
        Future<?> a = senders.submit(send);
        Future<?> b = senders.submit(send);
        a.get();
        b.get();
        return run.await("pekko fan-in messages");
    }

    @Override
    public void close() {
        senders.shutdownNow();
        host.close();
    }
}
