package io.heddle.bench.savina;

import io.heddle.bench.JdkActor;
import io.heddle.bench.Run;
import io.heddle.bench.Workload;

/** {@link PingPong} on the bare JDK: two {@link JdkActor}s (virtual threads on their own queues). */
final class PingPongJdk implements Workload {

    record Ball(int remaining, JdkActor<Ball> from, Run run) {}

    private final JdkActor<Ball> ping = new JdkActor<>();
    private final JdkActor<Ball> pong = new JdkActor<>();

    PingPongJdk() {
        ping.start(ball -> bounce(ball, ping));
        pong.start(ball -> bounce(ball, pong));
    }

    private static boolean bounce(Ball ball, JdkActor<Ball> self) {
        ball.run().hit(ball.remaining() == 1);
        if (ball.remaining() > 1) ball.from().tell(new Ball(ball.remaining() - 1, self, ball.run()));
        return true;
    }

    @Override
    public long run(int n) throws Exception {
        Run run = new Run(2L * n);
        ping.tell(new Ball(2 * n, pong, run));
        return run.await("jdk ping-pong hops");
    }

    @Override
    public void close() {
        JdkActor.stopAndJoin(java.util.List.of(ping, pong));
    }
}
