package io.heddle.bench.micro;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ReplyTo;
import io.heddle.bench.Workload;

/** {@link Call} on Heddle: a virtual thread calls one class-style actor with {@code ref.call(Get::new)}. */
final class CallHeddle implements Workload {

    sealed interface ServerMsg permits Get {}

    record Get(ReplyTo<Long> replyTo) implements ServerMsg {}

    static final class Server extends Actor<ServerMsg> {
        private long served;

        @Override
        protected void handle(ServerMsg message) {
            switch (message) {
                case Get(ReplyTo<Long> replyTo) -> replyTo.reply(++served);
            }
        }
    }

    private final ActorSystem system = ActorSystem.create("bench-call");
    private final ActorRef<ServerMsg> server = system.spawn(new Server());

    @Override
    public long run(int n) throws Exception {
        return Call.onVirtualThread("heddle call replies", n, () -> {
            long first = server.call(Get::new);
            long inOrder = 1;
            for (int i = 1; i < n; i++) {
                long reply = server.call(Get::new);
                if (reply == first + i) inOrder++;
            }
            return inOrder;
        });
    }

    @Override
    public void close() {
        system.close();
    }
}
