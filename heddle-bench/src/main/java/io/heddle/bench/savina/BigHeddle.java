package io.heddle.bench.savina;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** {@link Big} on Heddle: class-style actors and sink spawned from the benchmark thread, default options. */
final class BigHeddle implements Workload {

    sealed interface BigMsg permits Neighbors, Start, Ping, Pong {}

    record Neighbors(List<ActorRef<BigMsg>> all) implements BigMsg {}

    record Start(int pings, Tally tally) implements BigMsg {}

    record Ping(ActorRef<BigMsg> from) implements BigMsg {}

    enum Pong implements BigMsg { INSTANCE }

    record Done(long pongs, Tally tally) {}

    static final class Pinger extends Actor<BigMsg> {
        private final int index;
        private final ActorRef<Done> sink;
        private final SplittableRandom random;
        private List<ActorRef<BigMsg>> neighbors;
        private Tally tally;
        private int pingsLeft;
        private long pongs;
        private boolean awaitingPong;

        Pinger(int index, ActorRef<Done> sink) {
            this.index = index;
            this.sink = sink;
            this.random = new SplittableRandom(index);
        }

        @Override
        protected void handle(BigMsg message) {
            switch (message) {
                case Neighbors(List<ActorRef<BigMsg>> all) -> neighbors = all;
                case Start(int pings, Tally t) -> {
                    tally = t;
                    pingsLeft = pings;
                    pongs = 0;
                    sendPing();
                }
                case Ping(ActorRef<BigMsg> from) -> from.cast(Pong.INSTANCE);
                case Pong p -> {
                    if (!awaitingPong) {
                        tally.fail("actor " + index + " got a pong it did not wait for");
                        return;
                    }
                    awaitingPong = false;
                    pongs++;
                    if (pingsLeft == 0) sink.cast(new Done(pongs, tally));
                    else sendPing();
                }
            }
        }

        private void sendPing() {
            pingsLeft--;
            awaitingPong = true;
            neighbors.get(Big.randomOther(random, index, neighbors.size())).cast(new Ping(self()));
        }
    }

    static final class Sink extends Actor<Done> {
        private final int actors;
        private int done;
        private long pongs;

        Sink(int actors) {
            this.actors = actors;
        }

        @Override
        protected void handle(Done message) {
            pongs += message.pongs();
            if (++done == actors) {
                message.tally().arrive(pongs);
                done = 0;
                pongs = 0;
            }
        }
    }

    private final ActorSystem system = ActorSystem.create("bench-big");
    private final List<ActorRef<BigMsg>> pingers = new ArrayList<>();

    BigHeddle(int actors) {
        ActorRef<Done> sink = system.spawn(new Sink(actors));
        for (int i = 0; i < actors; i++) pingers.add(system.spawn(new Pinger(i, sink)));
        Neighbors neighbors = new Neighbors(List.copyOf(pingers));
        for (ActorRef<BigMsg> pinger : pingers) pinger.cast(neighbors);
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(1);
        Start start = new Start(n, tally);
        for (ActorRef<BigMsg> pinger : pingers) pinger.cast(start);
        return tally.await("heddle big pongs", (long) n * pingers.size());
    }

    @Override
    public void close() {
        system.close();
    }
}
