package io.heddle.bench.savina;

import io.heddle.bench.PekkoHost;
import io.heddle.bench.Run;
import io.heddle.bench.Workload;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** {@link PingPong} on Pekko typed: two actors, default configuration. */
final class PingPongPekko implements Workload {

    record Ball(int remaining, ActorRef<Ball> from, Run run) {}

    private final PekkoHost host = new PekkoHost("bench-pingpong");
    private final ActorRef<Ball> ping;
    private final ActorRef<Ball> pong;

    PingPongPekko() throws Exception {
        ping = host.spawn(player());
        pong = host.spawn(player());
    }

    private static Behavior<Ball> player() {
        return Behaviors.setup(ctx -> Behaviors.receiveMessage(ball -> {
            Run run = ball.run();
            int remaining = ball.remaining();
            run.hit(remaining == 1);
            if (remaining > 1) ball.from().tell(new Ball(remaining - 1, ctx.getSelf(), run));
            return Behaviors.same();
        }));
    }

    @Override
    public long run(int n) throws Exception {
        Run run = new Run(2L * n);
        ping.tell(new Ball(2 * n, pong, run));
        return run.await("pekko ping-pong hops");
    }

    @Override
    public void close() {
        host.close();
    }
}
