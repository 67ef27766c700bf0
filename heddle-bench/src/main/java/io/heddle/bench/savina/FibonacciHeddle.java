package io.heddle.bench.savina;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;

/** {@link Fibonacci} on Heddle: class-style actors, each spawning its two children with {@code ctx.spawn}. */
final class FibonacciHeddle implements Workload {

    sealed interface FibMsg permits Request, Response {}

    record Request(int n) implements FibMsg {}

    record Response(long value) implements FibMsg {}

    static final class FibActor extends Actor<FibMsg> {
        private final ActorRef<FibMsg> parent;
        private int pending;
        private long sum;

        FibActor(ActorRef<FibMsg> parent) {
            this.parent = parent;
        }

        @Override
        protected void handle(FibMsg message) {
            switch (message) {
                case Request(int n) when n <= 2 -> {
                    parent.cast(new Response(1));
                    context().stop();
                }
                case Request(int n) -> {
                    pending = 2;
                    context().spawn(new FibActor(self())).cast(new Request(n - 1));
                    context().spawn(new FibActor(self())).cast(new Request(n - 2));
                }
                case Response(long value) -> {
                    sum += value;
                    if (--pending == 0) {
                        parent.cast(new Response(sum));
                        context().stop();
                    }
                }
            }
        }
    }

    /** Receives the root's reply. */
    static final class Collector extends Actor<FibMsg> {
        private final Tally tally;

        Collector(Tally tally) {
            this.tally = tally;
        }

        @Override
        protected void handle(FibMsg message) {
            if (!(message instanceof Response(long value))) throw new IllegalArgumentException("unexpected " + message);
            tally.arrive(value);
            context().stop();
        }
    }

    private final ActorSystem system = ActorSystem.create("bench-fibonacci");

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(1);
        ActorRef<FibMsg> collector = system.spawn(new Collector(tally));
        system.spawn(new FibActor(collector)).cast(new Request(n));
        return tally.await("heddle fib(" + n + ")", Fibonacci.fib(n));
    }

    @Override
    public void close() {
        system.close();
    }
}
