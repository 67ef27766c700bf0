package io.heddle.bench.savina;

import io.heddle.bench.PekkoHost;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/** {@link ForkJoinThroughput} on Pekko typed: children of the guardian, default configuration. */
final class ForkJoinThroughputPekko implements Workload {

    sealed interface WorkerMsg permits Work, EndOfRun {}

    enum Work implements WorkerMsg { INSTANCE }

    record EndOfRun(Tally tally) implements WorkerMsg {}

    static final class Worker extends AbstractBehavior<WorkerMsg> {
        private long received;

        Worker(ActorContext<WorkerMsg> context) {
            super(context);
        }

        @Override
        public Receive<WorkerMsg> createReceive() {
            return newReceiveBuilder().onAnyMessage(this::handle).build();
        }

        private Behavior<WorkerMsg> handle(WorkerMsg message) {
            switch (message) {
                case Work w -> received++;
                case EndOfRun(Tally tally) -> {
                    tally.arrive(received);
                    received = 0;
                }
            }
            return this;
        }
    }

    private final PekkoHost host = new PekkoHost("bench-fj-throughput");
    private final List<ActorRef<WorkerMsg>> workers;

    ForkJoinThroughputPekko(int actors) throws Exception {
        workers = host.inGuardian(ctx -> {
            List<ActorRef<WorkerMsg>> refs = new ArrayList<>();
            for (int i = 0; i < actors; i++) refs.add(ctx.spawnAnonymous(Behaviors.setup(Worker::new)));
            return refs;
        });
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(workers.size());
        for (int i = 0; i < n; i++) {
            for (ActorRef<WorkerMsg> worker : workers) worker.tell(Work.INSTANCE);
        }
        EndOfRun end = new EndOfRun(tally);
        for (ActorRef<WorkerMsg> worker : workers) worker.tell(end);
        return tally.await("pekko fork-join throughput", (long) n * workers.size());
    }

    @Override
    public void close() {
        host.close();
    }
}
