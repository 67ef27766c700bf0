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

/** {@link Counting} on Pekko typed: producer and counter as children of the guardian, default configuration. */
final class CountingPekko implements Workload {

    sealed interface CounterMsg permits Increment, Retrieve {}

    enum Increment implements CounterMsg { INSTANCE }

    record Retrieve(ActorRef<ProducerMsg> replyTo) implements CounterMsg {}

    sealed interface ProducerMsg permits Produce, Total {}

    record Produce(int messages, Tally tally) implements ProducerMsg {}

    record Total(long count) implements ProducerMsg {}

    static final class Counter extends AbstractBehavior<CounterMsg> {
        private long count;

        Counter(ActorContext<CounterMsg> context) {
            super(context);
        }

        @Override
        public Receive<CounterMsg> createReceive() {
            return newReceiveBuilder().onAnyMessage(this::handle).build();
        }

        private Behavior<CounterMsg> handle(CounterMsg message) {
            switch (message) {
                case Increment i -> count++;
                case Retrieve(ActorRef<ProducerMsg> replyTo) -> {
                    replyTo.tell(new Total(count));
                    count = 0;
                }
            }
            return this;
        }
    }

    static final class Producer extends AbstractBehavior<ProducerMsg> {
        private final ActorRef<CounterMsg> counter;
        private Tally tally;

        Producer(ActorContext<ProducerMsg> context, ActorRef<CounterMsg> counter) {
            super(context);
            this.counter = counter;
        }

        @Override
        public Receive<ProducerMsg> createReceive() {
            return newReceiveBuilder().onAnyMessage(this::handle).build();
        }

        private Behavior<ProducerMsg> handle(ProducerMsg message) {
            switch (message) {
                case Produce(int messages, Tally t) -> {
                    tally = t;
                    for (int i = 0; i < messages; i++) counter.tell(Increment.INSTANCE);
                    counter.tell(new Retrieve(getContext().getSelf()));
                }
                case Total(long count) -> tally.arrive(count);
            }
            return this;
        }
    }

    private final PekkoHost host = new PekkoHost("bench-counting");
    private final ActorRef<ProducerMsg> producer;

    CountingPekko() throws Exception {
        ActorRef<CounterMsg> counter = host.spawn(Behaviors.setup(Counter::new));
        producer = host.spawn(Behaviors.setup(ctx -> new Producer(ctx, counter)));
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(1);
        producer.tell(new Produce(n, tally));
        return tally.await("pekko counting", n);
    }

    @Override
    public void close() {
        host.close();
    }
}
