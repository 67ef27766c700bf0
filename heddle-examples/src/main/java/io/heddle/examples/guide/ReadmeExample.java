package io.heddle.examples.guide;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.ReplyTo;

/** The README's example, verbatim. */
public final class ReadmeExample {

    sealed interface CounterMsg permits Add, Get {}
    record Add(int n) implements CounterMsg {}
    record Get(ReplyTo<Integer> replyTo) implements CounterMsg {}

    static Behavior<CounterMsg> counter(int total) {
        return (ctx, msg) -> switch (msg) {
            case Add(int n) -> counter(total + n);              // the next message sees the new total
            case Get(ReplyTo<Integer> replyTo) -> { replyTo.reply(total); yield Behaviors.same(); }
        };
    }

    public static int run() {
        try (ActorSystem system = ActorSystem.create("demo")) {
            ActorRef<CounterMsg> ref = system.spawn(counter(0));
            ref.cast(new Add(40));
            ref.cast(new Add(2));
            int total = ref.call(Get::new);                     // 42, typed: Get carries a ReplyTo<Integer>
            System.out.println(total);
            return total;
        }
    }

    public static void main(String[] args) {
        run();
    }

    private ReadmeExample() {}
}
