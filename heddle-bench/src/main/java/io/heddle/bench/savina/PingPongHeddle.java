package io.heddle.bench.savina;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.bench.Run;
import io.heddle.bench.Workload;

/** {@link PingPong} on Heddle: two functional-style actors, default options. */
final class PingPongHeddle implements Workload {

    record Ball(int remaining, ActorRef<Ball> from, Run run) {}

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
