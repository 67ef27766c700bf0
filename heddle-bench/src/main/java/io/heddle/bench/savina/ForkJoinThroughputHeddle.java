package io.heddle.bench.savina;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;
import java.util.ArrayList;
import java.util.List;

/** {@link ForkJoinThroughput} on Heddle: class-style actors spawned from the benchmark thread, default options. */
final class ForkJoinThroughputHeddle implements Workload {

    sealed interface WorkerMsg permits Work, EndOfRun {}

    enum Work implements WorkerMsg { INSTANCE }

    record EndOfRun(Tally tally) implements WorkerMsg {}

    static final class Worker extends Actor<WorkerMsg> {
        private long received;

        @Override
        protected void handle(WorkerMsg message) {
            switch (message) {
                case Work w -> received++;
                case EndOfRun(Tally tally) -> {
                    tally.arrive(received);
                    received = 0;
                }
            }
        }
    }

    private final ActorSystem system = ActorSystem.create("bench-fj-throughput");
    private final List<ActorRef<WorkerMsg>> workers = new ArrayList<>();

    ForkJoinThroughputHeddle(int actors) {
        for (int i = 0; i < actors; i++) workers.add(system.spawn(new Worker()));
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(workers.size());
        for (int i = 0; i < n; i++) {
            for (ActorRef<WorkerMsg> worker : workers) worker.cast(Work.INSTANCE);
        }
        EndOfRun end = new EndOfRun(tally);
        for (ActorRef<WorkerMsg> worker : workers) worker.cast(end);
        return tally.await("heddle fork-join throughput", (long) n * workers.size());
    }

    @Override
    public void close() {
        system.close();
    }
}
