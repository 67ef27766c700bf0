package io.heddle.bench.savina;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.bench.Run;
import io.heddle.bench.Workload;
import java.util.ArrayList;
import java.util.List;

/** {@link ThreadRing} on Heddle: class-style actors spawned from the benchmark thread, default options. */
final class ThreadRingHeddle implements Workload {

    sealed interface RingMsg permits Link, Token {}

    record Link(ActorRef<RingMsg> next) implements RingMsg {}

    record Token(int remaining, Run run) implements RingMsg {}

    static final class RingMember extends Actor<RingMsg> {
        private ActorRef<RingMsg> next;

        @Override
        protected void handle(RingMsg message) {
            switch (message) {
                case Link(ActorRef<RingMsg> n) -> next = n;
                case Token(int remaining, Run run) -> {
                    run.hit(remaining == 1);
                    if (remaining > 1) next.cast(new Token(remaining - 1, run));
                }
            }
        }
    }

    private final ActorSystem system = ActorSystem.create("bench-ring");
    private final List<ActorRef<RingMsg>> ring = new ArrayList<>();

    ThreadRingHeddle(int size) {
        for (int i = 0; i < size; i++) ring.add(system.spawn(new RingMember()));
        for (int i = 0; i < size; i++) ring.get(i).cast(new Link(ring.get((i + 1) % size)));
    }

    @Override
    public long run(int n) throws Exception {
        Run run = new Run(n);
        ring.getFirst().cast(new Token(n, run));
        return run.await("heddle ring hops");
    }

    @Override
    public void close() {
        system.close();
    }
}
