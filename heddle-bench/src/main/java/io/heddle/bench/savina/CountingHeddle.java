package io.heddle.bench.savina;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Mailbox;
import io.heddle.SpawnOptions;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;

/** {@link Counting} on Heddle: class-style producer and counter; the counter's mailbox is given. */
final class CountingHeddle implements Workload {

    sealed interface CounterMsg permits Increment, Retrieve {}

    enum Increment implements CounterMsg { INSTANCE }

    record Retrieve(ActorRef<ProducerMsg> replyTo) implements CounterMsg {}

    sealed interface ProducerMsg permits Produce, Total {}

    record Produce(int messages, Tally tally) implements ProducerMsg {}

    record Total(long count) implements ProducerMsg {}

    static final class Counter extends Actor<CounterMsg> {
        private long count;

        @Override
        protected void handle(CounterMsg message) {
            switch (message) {
                case Increment i -> count++;
                case Retrieve(ActorRef<ProducerMsg> replyTo) -> {
                    replyTo.cast(new Total(count));
                    count = 0;
                }
            }
        }
    }

    static final class Producer extends Actor<ProducerMsg> {
        private final ActorRef<CounterMsg> counter;
        private Tally tally;

        Producer(ActorRef<CounterMsg> counter) {
            this.counter = counter;
        }

        @Override
        protected void handle(ProducerMsg message) {
            switch (message) {
                case Produce(int messages, Tally t) -> {
                    tally = t;
                    for (int i = 0; i < messages; i++) counter.cast(Increment.INSTANCE);
                    counter.cast(new Retrieve(self()));
                }
                case Total(long count) -> tally.arrive(count);
            }
        }
    }

    private final ActorSystem system = ActorSystem.create("bench-counting");
    private final ActorRef<ProducerMsg> producer;

    CountingHeddle(Mailbox counterMailbox) {
        ActorRef<CounterMsg> counter = system.spawn(new Counter(), SpawnOptions.defaults().mailbox(counterMailbox));
        producer = system.spawn(new Producer(counter));
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(1);
        producer.cast(new Produce(n, tally));
        return tally.await("heddle counting", n);
    }

    @Override
    public void close() {
        system.close();
    }
}
