package io.heddle.bench.savina;

import io.heddle.bench.JdkActor;
import io.heddle.bench.Run;
import io.heddle.bench.Workload;
import java.util.ArrayList;
import java.util.List;

/** {@link ThreadRing} on the bare JDK: a ring of {@link JdkActor}s (virtual threads on their own queues). */
final class ThreadRingJdk implements Workload {

    record Token(int remaining, Run run) {}

    private final List<JdkActor<Token>> ring = new ArrayList<>();

    ThreadRingJdk(int size) {
        for (int i = 0; i < size; i++) ring.add(new JdkActor<>());
        for (int i = 0; i < size; i++) {
            JdkActor<Token> next = ring.get((i + 1) % size);
            ring.get(i).start(token -> {
                token.run().hit(token.remaining() == 1);
                if (token.remaining() > 1) next.tell(new Token(token.remaining() - 1, token.run()));
                return true;
            });
        }
    }

    @Override
    public long run(int n) throws Exception {
        Run run = new Run(n);
        ring.getFirst().tell(new Token(n, run));
        return run.await("jdk ring hops");
    }

    @Override
    public void close() {
        JdkActor.stopAndJoin(ring);
    }
}
