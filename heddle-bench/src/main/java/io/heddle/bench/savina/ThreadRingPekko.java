package io.heddle.bench.savina;

import io.heddle.bench.PekkoHost;
import io.heddle.bench.Run;
import io.heddle.bench.Workload;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/** {@link ThreadRing} on Pekko typed: children of the guardian, default configuration. */
final class ThreadRingPekko implements Workload {

    sealed interface RingMsg permits Link, Token {}

    record Link(ActorRef<RingMsg> next) implements RingMsg {}

    record Token(int remaining, Run run) implements RingMsg {}

    static final class RingMember extends AbstractBehavior<RingMsg> {
        private ActorRef<RingMsg> next;

        RingMember(ActorContext<RingMsg> context) {
            super(context);
        }

        @Override
        public Receive<RingMsg> createReceive() {
            return newReceiveBuilder().onAnyMessage(this::handle).build();
        }

        private Behavior<RingMsg> handle(RingMsg message) {
            switch (message) {
                case Link(ActorRef<RingMsg> n) -> next = n;
                case Token(int remaining, Run run) -> {
                    run.hit(remaining == 1);
                    if (remaining > 1) next.tell(new Token(remaining - 1, run));
                }
            }
            return this;
        }
    }

    private final PekkoHost host = new PekkoHost("bench-ring");
    private final List<ActorRef<RingMsg>> ring;

    ThreadRingPekko(int size) throws Exception {
        ring = host.inGuardian(ctx -> {
            List<ActorRef<RingMsg>> refs = new ArrayList<>();
            for (int i = 0; i < size; i++) refs.add(ctx.spawnAnonymous(Behaviors.setup(RingMember::new)));
            return refs;
        });
        for (int i = 0; i < size; i++) ring.get(i).tell(new Link(ring.get((i + 1) % size)));
    }

    @Override
    public long run(int n) throws Exception {
        Run run = new Run(n);
        ring.getFirst().tell(new Token(n, run));
        return run.await("pekko ring hops");
    }

    @Override
    public void close() {
        host.close();
    }
}
