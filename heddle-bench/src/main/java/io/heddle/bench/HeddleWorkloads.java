package io.heddle.bench;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.Mailbox;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The workloads on Heddle, with the system's default configuration (dispatcher, parallelism = cores, throughput 100,
 * mailbox {@code Fixed(1000)}) unless a variant says otherwise.
 */
final class HeddleWorkloads {

    private HeddleWorkloads() {}

    // ------------------------------------------------------------------------------------------------ ping-pong

    record Ball(int remaining, ActorRef<Ball> from, Run run) {}

    /** Two actors bounce a ball; a run of n round trips is 2n messages. */
    static final class PingPong implements Workload {
        private final ActorSystem system = ActorSystem.create("bench-pingpong");
        private final ActorRef<Ball> ping = system.spawn(player());
        private final ActorRef<Ball> pong = system.spawn(player());

        private static Behavior<Ball> player() {
            return (ctx, ball) -> {
                Run run = ball.run();
                int remaining = ball.remaining();
                run.hit(remaining == 1);
                if (remaining > 1) ball.from().cast(new Ball(remaining - 1, ctx.self(), run));
                return Behaviors.same();
            };
        }

        @Override
        public long run(int n) throws Exception {
            Run run = new Run(2L * n);
            ping.cast(new Ball(2 * n, pong, run));
            return run.await("heddle ping-pong hops");
        }

        @Override
        public void close() {
            system.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ thread ring

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

    /** {@code size} actors in a ring pass a token; a run of n is n hops. */
    static final class ThreadRing implements Workload {
        private final ActorSystem system = ActorSystem.create("bench-ring");
        private final List<ActorRef<RingMsg>> ring = new ArrayList<>();

        ThreadRing(int size) {
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

    // ------------------------------------------------------------------------------------------------ fan-in

    sealed interface CounterMsg permits Inc, Expect {}

    /** The one increment message, shared: the benchmark measures the framework, not the allocation of messages. */
    enum Inc implements CounterMsg { INC }

    record Expect(Run run) implements CounterMsg {}

    static final class Counter extends Actor<CounterMsg> {
        private Run run;

        @Override
        protected void handle(CounterMsg message) {
            switch (message) {
                case Expect(Run r) -> run = r;
                case Inc i -> run.hit();
            }
        }
    }

    /** Two platform threads cast n messages each to one counting actor. */
    static final class FanIn implements Workload {
        private final ActorSystem system = ActorSystem.create("bench-fanin");
        private final ActorRef<CounterMsg> counter;
        private final ExecutorService senders = Executors.newFixedThreadPool(2);

        FanIn(Mailbox mailbox) {
            counter = system.spawn(new Counter(), SpawnOptions.defaults().mailbox(mailbox));
        }

        @Override
        public long run(int n) throws Exception {
            Run run = new Run(2L * n);
            counter.cast(new Expect(run));
            Runnable send = () -> {
                for (int i = 0; i < n; i++) counter.cast(Inc.INC);
            };
            Future<?> a = senders.submit(send);
            Future<?> b = senders.submit(send);
            a.get();
            b.get();
            return run.await("heddle fan-in messages");
        }

        @Override
        public void close() {
            senders.shutdownNow();
            system.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ call

    sealed interface ServerMsg permits Get {}

    record Get(ReplyTo<Long> replyTo) implements ServerMsg {}

    static final class Server extends Actor<ServerMsg> {
        private long served;

        @Override
        protected void handle(ServerMsg message) {
            switch (message) {
                case Get(ReplyTo<Long> replyTo) -> replyTo.reply(++served);
            }
        }
    }

    /** A virtual thread calls one actor n times; each reply must be the previous one plus one. */
    static final class Call implements Workload {
        private final ActorSystem system = ActorSystem.create("bench-call");
        private final ActorRef<ServerMsg> server = system.spawn(new Server());

        @Override
        public long run(int n) throws Exception {
            return JdkWorkloads.inVirtualThread("heddle call replies", n, () -> {
                long first = server.call(Get::new);
                long inOrder = 1;
                for (int i = 1; i < n; i++) {
                    long reply = server.call(Get::new);
                    if (reply == first + i) inOrder++;
                }
                return inOrder;
            });
        }

        @Override
        public void close() {
            system.close();
        }
    }
}
