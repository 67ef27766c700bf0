package io.heddle.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A Pekko typed actor system with its default configuration (default dispatcher, mailbox unbounded), logging turned
 * down to warnings. Pekko spawns top-level actors only from inside an actor, so the guardian here runs whatever it is
 * given in its own context: {@link #inGuardian(Function)}.
 */
final class PekkoHost implements AutoCloseable {

    /** Runs {@code action} in the guardian's context and completes {@code result} with what it returns. */
    record Run(Function<ActorContext<Run>, Object> action, CompletableFuture<Object> result) {}

    private static final Config CONFIG = ConfigFactory.parseString("""
            pekko.loglevel = WARNING
            pekko.stdout-loglevel = WARNING
            pekko.log-dead-letters = off
            pekko.log-dead-letters-during-shutdown = off
            """).withFallback(ConfigFactory.load());

    final ActorSystem<Run> system;

    PekkoHost(String name) {
        Behavior<Run> guardian = Behaviors.setup(ctx -> Behaviors.receiveMessage(run -> {
            try {
                run.result().complete(run.action().apply(ctx));
            } catch (Throwable t) {
                run.result().completeExceptionally(t);
            }
            return Behaviors.same();
        }));
        system = ActorSystem.create(guardian, name, CONFIG);
    }

    /** Runs {@code action} inside the guardian and waits for its result. */
    @SuppressWarnings("unchecked")
    <T> T inGuardian(Function<ActorContext<Run>, T> action) throws Exception {
        CompletableFuture<Object> result = new CompletableFuture<>();
        system.tell(new Run(ctx -> action.apply(ctx), result));
        return (T) result.get(Check.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Spawns an anonymous top-level actor (a child of the guardian). */
    <T> org.apache.pekko.actor.typed.ActorRef<T> spawn(Behavior<T> behavior) throws Exception {
        return inGuardian(ctx -> ctx.spawnAnonymous(behavior));
    }

    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(Check.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Pekko system did not terminate", e);
        }
    }
}
