package io.heddle.bench.savina;

import io.heddle.bench.JdkActor;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;

/** {@link ForkJoinCreation} on the bare JDK: a new {@link JdkActor} (virtual thread and queue) per created actor. */
final class ForkJoinCreationJdk implements Workload {

    record Create(int actors, Tally tally) {}

    record Work(Tally tally) {}

    private final JdkActor<Create> creator = new JdkActor<Create>().start(create -> {
        Work work = new Work(create.tally());
        for (int i = 0; i < create.actors(); i++) {
            new JdkActor<Work>().start(w -> {
                w.tally().arrive(1);
                return false;
            }).tell(work);
        }
        return true;
    });

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(n);
        creator.tell(new Create(n, tally));
        return tally.await("jdk fork-join creation", n);
    }

    @Override
    public void close() {
        creator.stopAndJoin();
    }
}
