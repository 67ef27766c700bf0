package io.heddle.bench.savina;

import io.heddle.bench.PekkoHost;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/** {@link Fibonacci} on Pekko typed: each actor spawns its two children anonymously, default configuration. */
final class FibonacciPekko implements Workload {

    sealed interface FibMsg permits Request, Response {}

    record Request(int n) implements FibMsg {}

    record Response(long value) implements FibMsg {}

    static final class FibActor extends AbstractBehavior<FibMsg> {
        private final ActorRef<FibMsg> parent;
        private int pending;
        private long sum;

        FibActor(ActorContext<FibMsg> context, ActorRef<FibMsg> parent) {
            super(context);
            this.parent = parent;
        }

        static Behavior<FibMsg> create(ActorRef<FibMsg> parent) {
            return Behaviors.setup(ctx -> new FibActor(ctx, parent));
        }

        @Override
        public Receive<FibMsg> createReceive() {
            return newReceiveBuilder().onAnyMessage(this::handle).build();
        }

        private Behavior<FibMsg> handle(FibMsg message) {
            switch (message) {
                case Request(int n) when n <= 2 -> {
                    parent.tell(new Response(1));
                    return Behaviors.stopped();
                }
                case Request(int n) -> {
                    pending = 2;
                    ActorRef<FibMsg> self = getContext().getSelf();
                    getContext().spawnAnonymous(create(self)).tell(new Request(n - 1));
                    getContext().spawnAnonymous(create(self)).tell(new Request(n - 2));
                }
                case Response(long value) -> {
                    sum += value;
                    if (--pending == 0) {
                        parent.tell(new Response(sum));
                        return Behaviors.stopped();
                    }
                }
            }
            return this;
        }
    }

    private static Behavior<FibMsg> collector(Tally tally) {
        return Behaviors.receiveMessage(message -> {
            if (!(message instanceof Response(long value))) throw new IllegalArgumentException("unexpected " + message);
            tally.arrive(value);
            return Behaviors.stopped();
        });
    }

    private final PekkoHost host = new PekkoHost("bench-fibonacci");

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(1);
        host.inGuardian(ctx -> {
            ActorRef<FibMsg> collector = ctx.spawnAnonymous(collector(tally));
            ctx.spawnAnonymous(FibActor.create(collector)).tell(new Request(n));
            return null;
        });
        return tally.await("pekko fib(" + n + ")", Fibonacci.fib(n));
    }

    @Override
    public void close() {
        host.close();
    }
}
