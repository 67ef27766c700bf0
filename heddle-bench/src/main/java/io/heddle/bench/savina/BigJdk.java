package io.heddle.bench.savina;

import io.heddle.bench.JdkActor;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** {@link Big} on the bare JDK: the actors and the sink as {@link JdkActor}s. */
final class BigJdk implements Workload {

    record Start(int pings, Tally tally) {}

    record Ping(JdkActor<Object> from) {}

    /** The shared pong. */
    private static final Object PONG = new Object();

    record Done(long pongs, Tally tally) {}

    /** One actor's state; its own thread only. */
    private static final class Pinger {
        final JdkActor<Object> self = new JdkActor<>();
        final int index;
        final JdkActor<Done> sink;
        final SplittableRandom random;
        List<JdkActor<Object>> neighbors;
        Tally tally;
        int pingsLeft;
        long pongs;
        boolean awaitingPong;

        Pinger(int index, JdkActor<Done> sink) {
            this.index = index;
            this.sink = sink;
            this.random = new SplittableRandom(index);
        }

        boolean handle(Object message) {
            switch (message) {
                case Ping(JdkActor<Object> from) -> from.tell(PONG);
                case Start(int pings, Tally t) -> {
                    tally = t;
                    pingsLeft = pings;
                    pongs = 0;
                    sendPing();
                }
                default -> {
                    if (message != PONG) throw new IllegalArgumentException("unexpected " + message);
                    if (!awaitingPong) {
                        tally.fail("actor " + index + " got a pong it did not wait for");
                        return true;
                    }
                    awaitingPong = false;
                    pongs++;
                    if (pingsLeft == 0) sink.tell(new Done(pongs, tally));
                    else sendPing();
                }
            }
            return true;
        }

        private void sendPing() {
            pingsLeft--;
            awaitingPong = true;
            neighbors.get(Big.randomOther(random, index, neighbors.size())).tell(new Ping(self));
        }
    }

    private final JdkActor<Done> sink = new JdkActor<>();
    private final List<JdkActor<Object>> pingers = new ArrayList<>();

    BigJdk(int actors) {
        int[] done = new int[1]; // sink thread only
        long[] pongs = new long[1];
        sink.start(message -> {
            pongs[0] += message.pongs();
            if (++done[0] == actors) {
                message.tally().arrive(pongs[0]);
                done[0] = 0;
                pongs[0] = 0;
            }
            return true;
        });
        List<Pinger> states = new ArrayList<>();
        for (int i = 0; i < actors; i++) {
            Pinger pinger = new Pinger(i, sink);
            states.add(pinger);
            pingers.add(pinger.self);
        }
        // Neighbours are set before the threads start, so no message is needed for them.
        List<JdkActor<Object>> all = List.copyOf(pingers);
        for (Pinger pinger : states) {
            pinger.neighbors = all;
            pinger.self.start(pinger::handle);
        }
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(1);
        Start start = new Start(n, tally);
        for (JdkActor<Object> pinger : pingers) pinger.tell(start);
        return tally.await("jdk big pongs", (long) n * pingers.size());
    }

    @Override
    public void close() {
        List<JdkActor<?>> all = new ArrayList<>(pingers);
        all.add(sink);
        JdkActor.stopAndJoin(all);
    }
}
