package io.heddle.bench.savina;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;

/** {@link ForkJoinCreation} on Heddle: the creator spawns children with {@code ctx.spawn}, default options. */
final class ForkJoinCreationHeddle implements Workload {

    record Create(int actors, Tally tally) {}

    record Work(Tally tally) {}

    /** Every created actor: handle one message and stop. A lambda behavior may be spawned many times. */
    private static final Behavior<Work> WORKER = (ctx, work) -> {
        work.tally().arrive(1);
        return Behaviors.stopped();
    };

    private static final Behavior<Create> CREATOR = (ctx, create) -> {
        Work work = new Work(create.tally());
        for (int i = 0; i < create.actors(); i++) ctx.spawn(WORKER).cast(work);
        return Behaviors.same();
    };

    private final ActorSystem system = ActorSystem.create("bench-fj-creation");
    private final ActorRef<Create> creator = system.spawn(CREATOR);

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(n);
        creator.cast(new Create(n, tally));
        return tally.await("heddle fork-join creation", n);
    }

    @Override
    public void close() {
        system.close();
    }
}
