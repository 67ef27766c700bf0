package io.heddle.bench.micro;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Mailbox;
import io.heddle.SpawnOptions;
import io.heddle.bench.Run;
import io.heddle.bench.Workload;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@link FanIn} on Heddle: two platform threads cast to one class-style counting actor with the given mailbox. */
final class FanInHeddle implements Workload {

    sealed interface CounterMsg permits Inc, Expect {}

    /** The one increment message, shared: the benchmark measures the framework, not the allocation of messages. */
    enum Inc implements CounterMsg { INC }

    record Expect(Run run) implements CounterMsg {}

    static final class Counter extends Actor<CounterMsg> {
        private Run run;

        @Override
        protected void handle(CounterMsg message) {
            switch (message) {
                case Expect(Run r) -> run = r;
                case Inc i -> run.hit();
            }
        }
    }

    private final ActorSystem system = ActorSystem.create("bench-fanin");
    private final ActorRef<CounterMsg> counter;
    private final ExecutorService senders = Executors.newFixedThreadPool(2);

    FanInHeddle(Mailbox mailbox) {
        counter = system.spawn(new Counter(), SpawnOptions.defaults().mailbox(mailbox));
    }

    @Override
    public long run(int n) throws Exception {
        Run run = new Run(2L * n);
        counter.cast(new Expect(run));
        Runnable send = () -> {
            for (int i = 0; i < n; i++) counter.cast(Inc.INC);
        };
        Future<?> a = senders.submit(send);
        Future<?> b = senders.submit(send);
        a.get();
        b.get();
        return run.await("heddle fan-in messages");
    }

    @Override
    public void close() {
        senders.shutdownNow();
        system.close();
    }
}
