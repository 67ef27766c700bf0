package io.heddle.bench.savina;

import io.heddle.bench.JdkActor;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;
import java.util.List;

/** {@link Counting} on the bare JDK: producer and counter as {@link JdkActor}s. */
final class CountingJdk implements Workload {

    /** The shared increment message. */
    private static final Object INCREMENT = new Object();

    record Retrieve(JdkActor<Object> replyTo) {}

    record Produce(int messages, Tally tally) {}

    record Total(long count) {}

    private final JdkActor<Object> counter = new JdkActor<>();
    private final JdkActor<Object> producer = new JdkActor<>();

    CountingJdk() {
        long[] count = new long[1]; // counter thread only
        counter.start(message -> {
            if (message == INCREMENT) {
                count[0]++;
            } else {
                ((Retrieve) message).replyTo().tell(new Total(count[0]));
                count[0] = 0;
            }
            return true;
        });
        Tally[] tally = new Tally[1]; // producer thread only
        producer.start(message -> {
            switch (message) {
                case Produce(int messages, Tally t) -> {
                    tally[0] = t;
                    for (int i = 0; i < messages; i++) counter.tell(INCREMENT);
                    counter.tell(new Retrieve(producer));
                }
                case Total(long c) -> tally[0].arrive(c);
                default -> throw new IllegalArgumentException("unexpected " + message);
            }
            return true;
        });
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(1);
        producer.tell(new Produce(n, tally));
        return tally.await("jdk counting", n);
    }

    @Override
    public void close() {
        JdkActor.stopAndJoin(List.of(producer, counter));
    }
}
