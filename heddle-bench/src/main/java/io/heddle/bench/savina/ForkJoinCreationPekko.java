package io.heddle.bench.savina;

import io.heddle.bench.PekkoHost;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** {@link ForkJoinCreation} on Pekko typed: the creator spawns anonymous children, default configuration. */
final class ForkJoinCreationPekko implements Workload {

    record Create(int actors, Tally tally) {}

    record Work(Tally tally) {}

    private static final Behavior<Work> WORKER = Behaviors.receiveMessage(work -> {
        work.tally().arrive(1);
        return Behaviors.stopped();
    });

    private static final Behavior<Create> CREATOR = Behaviors.receive((ctx, create) -> {
        Work work = new Work(create.tally());
        for (int i = 0; i < create.actors(); i++) ctx.spawnAnonymous(WORKER).tell(work);
        return Behaviors.same();
    });

    private final PekkoHost host = new PekkoHost("bench-fj-creation");
    private final ActorRef<Create> creator;

    ForkJoinCreationPekko() throws Exception {
        creator = host.spawn(CREATOR);
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(n);
        creator.tell(new Create(n, tally));
        return tally.await("pekko fork-join creation", n);
    }

    @Override
    public void close() {
        host.close();
    }
}
