package io.heddle.bench.savina;

import io.heddle.bench.JdkActor;
import io.heddle.bench.Tally;
import io.heddle.bench.Workload;

/** {@link Fibonacci} on the bare JDK: every actor a new {@link JdkActor} (virtual thread and queue). */
final class FibonacciJdk implements Workload {

    record Request(int n) {}

    record Response(long value) {}

    /** One actor's state; its own thread only. */
    private static final class FibActor {
        final JdkActor<Object> self = new JdkActor<>();
        final JdkActor<Object> parent;
        int pending;
        long sum;

        FibActor(JdkActor<Object> parent) {
            this.parent = parent;
        }

        static JdkActor<Object> spawn(JdkActor<Object> parent) {
            FibActor actor = new FibActor(parent);
            return actor.self.start(actor::handle);
        }

        boolean handle(Object message) {
            switch (message) {
                case Request(int n) when n <= 2 -> {
                    parent.tell(new Response(1));
                    return false;
                }
                case Request(int n) -> {
                    pending = 2;
                    spawn(self).tell(new Request(n - 1));
                    spawn(self).tell(new Request(n - 2));
                }
                case Response(long value) -> {
                    sum += value;
                    if (--pending == 0) {
                        parent.tell(new Response(sum));
                        return false;
                    }
                }
                default -> throw new IllegalArgumentException("unexpected " + message);
            }
            return true;
        }
    }

    @Override
    public long run(int n) throws Exception {
        Tally tally = new Tally(1);
        JdkActor<Object> collector = new JdkActor<>().start(message -> {
            tally.arrive(((Response) message).value());
            return false;
        });
        FibActor.spawn(collector).tell(new Request(n));
        return tally.await("jdk fib(" + n + ")", Fibonacci.fib(n));
    }

    @Override
    public void close() {}
}
