package io.heddle.examples.guide;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ReplyTo;

/** The README's first example: a class-style actor with cast and call. */
public final class CounterExample {

    sealed interface CounterMsg permits Add, Get {}

    record Add(int n) implements CounterMsg {}

    record Get(ReplyTo<Integer> replyTo) implements CounterMsg {}

    static final class Counter extends Actor<CounterMsg> {
        private int total;

        @Override
        protected void handle(CounterMsg message) {
            switch (message) {
                case Add(int n) -> total += n;
                case Get(ReplyTo<Integer> replyTo) -> replyTo.reply(total);
            }
        }
    }

    public static int run() {
        try (ActorSystem system = ActorSystem.create("demo")) {
            ActorRef<CounterMsg> counter = system.spawn(new Counter());
            counter.cast(new Add(40));
            counter.cast(new Add(2));
            int total = counter.call(Get::new);   // 42: casts from one sender arrive in order
            System.out.println(total);
            return total;
        }
    }

    public static void main(String[] args) {
        run();
    }

    private CounterExample() {}
}
