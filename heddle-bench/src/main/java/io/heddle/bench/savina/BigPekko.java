package io.heddle.bench.savina;

import io.heddle.bench.PekkoHost;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/** {@link Big} on Pekko typed: actors and sink as children of the guardian, default configuration. */
final class BigPekko implements Workload {

    sealed interface BigMsg permits Neighbors, Start, Ping, Pong {}

    record Neighbors(List<ActorRef<BigMsg>> all) implements BigMsg {}

    record Start(int pings, Tally tally) implements BigMsg {}

    record Ping(ActorRef<BigMsg> from) implements BigMsg {}

    enum Pong implements BigMsg { INSTANCE }

    record Done(long pongs, Tally tally) {}

    static final class Pinger extends AbstractBehavior<BigMsg> {
        private final int index;
        private final ActorRef<Done> sink;
        private final SplittableRandom random;
        private List<ActorRef<BigMsg>> neighbors;
        private Tally tally;
        private int pingsLeft;
        private long pongs;
        private boolean awaitingPong;

        Pinger(ActorContext<BigMsg> context, int index, ActorRef<Done> sink) {
            super(context);
            this.index = index;
            this.sink = sink;
            this.random = new SplittableRandom(index);
        }

        @Override
        public Receive<BigMsg> createReceive() {
            return newReceiveBuilder().onAnyMessage(this::handle).build();
        }

        private Behavior<BigMsg> handle(BigMsg message) {
            switch (message) {
                case Neighbors(List<ActorRef<BigMsg>> all) -> neighbors = all;
                case Start(int pings, Tally t) -> {
                    tally = t;
                    pingsLeft = pings;
                    pongs = 0;
                    sendPing();
                }
                case Ping(ActorRef<BigMsg> from) -> from.tell(Pong.INSTANCE);
                case Pong p -> {
                    if (!awaitingPong) {
                        tally.fail("actor " + index + " got a pong it did not wait for");
                        return this;
                    }
                    awaitingPong = false;
                    pongs++;
                    if (pingsLeft == 0) sink.tell(new Done(pongs, tally));
                    else sendPing();
                }
            }
            return this;
        }

        private void sendPing() {
            pingsLeft--;
            awaitingPong = true;
            neighbors.get(Big.randomOther(random, index, neighbors.size())).tell(new Ping(getContext().getSelf()));
        }
    }

    static final class Sink extends AbstractBehavior<Done> {
        private final int actors;
        private int done;
        private long pongs;

        Sink(ActorContext<Done> context, int actors) {
            super(context);
            this.actors = actors;
        }

        @Override
        public Receive<Done> createReceive() {
            return newReceiveBuilder().onAnyMessage(this::handle).build();
        }

        private Behavior<Done> handle(Done message) {
            pongs += message.pongs();
            if (++done == actors) {
                message.tally().arrive(pongs);
                done = 0;
                pongs = 0;
            }
            return this;
        }
    }

    private final PekkoHost host = new PekkoHost("bench-big");
    private final List<ActorRef<BigMsg>> pingers;

    BigPekko(int actors) throws Exception {
        pingers = host.inGuardian(ctx -> {
            ActorRef<Done> sink = ctx.spawnAnonymous(Behaviors.<Done>setup(c -> new Sink(c, actors)));
            List<ActorRef<BigMsg>> refs = new ArrayList<>();
            for (int i = 0; i < actors; i++) {
                int index = i;
                refs.add(ctx.spawnAnonymous(Behaviors.<BigMsg>setup(c -> new Pinger(c, index, sink))));
            }
            return refs;
        });
        Neighbors neighbors = new Neighbors(List.copyOf(pingers));
        for (ActorRef<BigMsg> pinger : pingers) pinger.tell(neighbors);
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(1);
        Start start = new Start(n, tally);
        for (ActorRef<BigMsg> pinger : pingers) pinger.tell(start);
        return tally.await("pekko big pongs", (long) n * pingers.size());
    }

    @Override
    public void close() {
        host.close();
    }
}
