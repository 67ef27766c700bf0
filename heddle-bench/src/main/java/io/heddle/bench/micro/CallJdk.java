package io.heddle.bench.micro;

import io.heddle.bench.JdkActor;
import io.heddle.bench.Workload;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link Call} on the bare JDK: a virtual thread sends requests (each a {@link CompletableFuture}) to a server
 * {@link JdkActor}, which completes them; the caller waits on each future in turn.
 */
final class CallJdk implements Workload {

    private final JdkActor<CompletableFuture<Long>> server = new JdkActor<>();

    CallJdk() {
        long[] served = new long[1]; // server thread only
        server.start(reply -> {
            reply.complete(++served[0]);
            return true;
        });
    }

    private long call() throws Exception {
        CompletableFuture<Long> reply = new CompletableFuture<>();
        server.tell(reply);
        return reply.get(5, TimeUnit.SECONDS);
    }

    @Override
    public long run(int n) throws Exception {
        return Call.onVirtualThread("jdk call replies", n, () -> {
            long first = call();
            long inOrder = 1;
            for (int i = 1; i < n; i++) {
                if (call() == first + i) inOrder++;
            }
            return inOrder;
        });
    }

    @Override
    public void close() {
        server.stopAndJoin();
    }
}
