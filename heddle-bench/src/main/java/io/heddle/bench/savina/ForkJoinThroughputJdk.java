package io.heddle.bench.savina;

import io.heddle.bench.JdkActor;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;
import java.util.ArrayList;
import java.util.List;

/** {@link ForkJoinThroughput} on the bare JDK: {@link JdkActor}s, sent to from the benchmark thread. */
final class ForkJoinThroughputJdk implements Workload {

    /** The shared work message. */
    private static final Object WORK = new Object();

    record EndOfRun(Tally tally) {}

    private final List<JdkActor<Object>> workers = new ArrayList<>();

    ForkJoinThroughputJdk(int actors) {
        for (int i = 0; i < actors; i++) {
            long[] received = new long[1]; // this worker's thread only
            workers.add(new JdkActor<>().start(message -> {
                if (message == WORK) {
                    received[0]++;
                } else {
                    ((EndOfRun) message).tally().arrive(received[0]);
                    received[0] = 0;
                }
                return true;
            }));
        }
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(workers.size());
        for (int i = 0; i < n; i++) {
            for (JdkActor<Object> worker : workers) worker.tell(WORK);
        }
        EndOfRun end = new EndOfRun(tally);
        for (JdkActor<Object> worker : workers) worker.tell(end);
        return tally.await("jdk fork-join throughput", (long) n * workers.size());
    }

    @Override
    public void close() {
        JdkActor.stopAndJoin(workers);
    }
}
