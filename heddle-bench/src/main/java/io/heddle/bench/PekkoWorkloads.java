package io.heddle.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** The workloads on Apache Pekko typed, default configuration (see {@link PekkoHost}). */
final class PekkoWorkloads {

    private PekkoWorkloads() {}

    // ------------------------------------------------------------------------------------------------ ping-pong

    record Ball(int remaining, ActorRef<Ball> from, Run run) {}

    /** Two actors bounce a ball; a run of n round trips is 2n messages. */
    static final class PingPong implements Workload {
        private final PekkoHost host = new PekkoHost("bench-pingpong");
        private final ActorRef<Ball> ping;
        private final ActorRef<Ball> pong;

        PingPong() throws Exception {
            ping = host.spawn(player());
            pong = host.spawn(player());
        }

        private static Behavior<Ball> player() {
            return Behaviors.setup(ctx -> Behaviors.receiveMessage(ball -> {
                Run run = ball.run();
                int remaining = ball.remaining();
                run.hit(remaining == 1);
                if (remaining > 1) ball.from().tell(new Ball(remaining - 1, ctx.getSelf(), run));
                return Behaviors.same();
            }));
        }

        @Override
        public long run(int n) throws Exception {
            Run run = new Run(2L * n);
            ping.tell(new Ball(2 * n, pong, run));
            return run.await("pekko ping-pong hops");
        }

        @Override
        public void close() {
            host.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ thread ring

    sealed interface RingMsg permits Link, Token {}

    record Link(ActorRef<RingMsg> next) implements RingMsg {}

    record Token(int remaining, Run run) implements RingMsg {}

    private static Behavior<RingMsg> ringMember() {
        return Behaviors.setup(ctx -> {
            @SuppressWarnings("unchecked")
            ActorRef<RingMsg>[] next = (ActorRef<RingMsg>[]) new ActorRef<?>[1];
            return Behaviors.receiveMessage(message -> {
                switch (message) {
                    case Link(ActorRef<RingMsg> n) -> next[0] = n;
                    case Token(int remaining, Run run) -> {
                        run.hit(remaining == 1);
                        if (remaining > 1) next[0].tell(new Token(remaining - 1, run));
                    }
                }
                return Behaviors.same();
            });
        });
    }

    /** {@code size} actors in a ring pass a token; a run of n is n hops. */
    static final class ThreadRing implements Workload {
        private final PekkoHost host = new PekkoHost("bench-ring");
        private final List<ActorRef<RingMsg>> ring;

        ThreadRing(int size) throws Exception {
            ring = host.inGuardian(ctx -> {
                List<ActorRef<RingMsg>> refs = new ArrayList<>();
                for (int i = 0; i < size; i++) refs.add(ctx.spawnAnonymous(ringMember()));
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

    // ------------------------------------------------------------------------------------------------ fan-in

    sealed interface CounterMsg permits Inc, Expect {}

    /** The one increment message, shared as in the Heddle version. */
    enum Inc implements CounterMsg { INC }

    record Expect(Run run) implements CounterMsg {}

    private static Behavior<CounterMsg> counter() {
        return Behaviors.setup(ctx -> {
            Run[] run = new Run[1];
            return Behaviors.receiveMessage(message -> {
                switch (message) {
                    case Expect(Run r) -> run[0] = r;
                    case Inc i -> run[0].hit();
                }
                return Behaviors.same();
            });
        });
    }

    /** Two platform threads tell n messages each to one counting actor. */
    static final class FanIn implements Workload {
        private final PekkoHost host = new PekkoHost("bench-fanin");
        private final ActorRef<CounterMsg> counter;
        private final ExecutorService senders = Executors.newFixedThreadPool(2);

        FanIn() throws Exception {
            counter = host.spawn(counter());
        }

        @Override
        public long run(int n) throws Exception {
            Run run = new Run(2L * n);
            counter.tell(new Expect(run));
            Runnable send = () -> {
                for (int i = 0; i < n; i++) counter.tell(Inc.INC);
            };
            Future<?> a = senders.submit(send);
            Future<?> b = senders.submit(send);
            a.get();
            b.get();
            return run.await("pekko fan-in messages");
        }

        @Override
        public void close() {
            senders.shutdownNow();
            host.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ call

    record Get(ActorRef<Long> replyTo) {}

    private static Behavior<Get> server() {
        return Behaviors.setup(ctx -> {
            long[] served = new long[1];
            return Behaviors.receiveMessage(get -> {
                get.replyTo().tell(++served[0]);
                return Behaviors.same();
            });
        });
    }

    /** A virtual thread asks one actor n times and waits for each reply; replies must come in order. */
    static final class Call implements Workload {
        private static final Duration TIMEOUT = Duration.ofSeconds(5);
        private final PekkoHost host = new PekkoHost("bench-call");
        private final ActorRef<Get> server;

        Call() throws Exception {
            server = host.spawn(server());
        }

        private long call() throws Exception {
            return AskPattern.<Get, Long>ask(server, Get::new, TIMEOUT, host.system.scheduler())
                    .toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public long run(int n) throws Exception {
            return JdkWorkloads.inVirtualThread("pekko call replies", n, () -> {
                long first = call();
                long inOrder = 1;
                for (int i = 1; i < n; i++) {
                    if (call() == first + i) inOrder++;
                }
                return inOrder;
            });
        }

        @Override
        public void close() {
            host.close();
        }
    }
}
