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
public final class PekkoHost implements AutoCloseable {

    /** A task for the guardian: it runs {@code action} in its context and completes {@code result}. */
    public record GuardianTask(Function<ActorContext<GuardianTask>, Object> action, CompletableFuture<Object> result) {}

    private static final Config CONFIG = ConfigFactory.parseString("""
            pekko.loglevel = WARNING
            pekko.stdout-loglevel = WARNING
            pekko.log-dead-letters = off
            pekko.log-dead-letters-during-shutdown = off
            """).withFallback(ConfigFactory.load());

    /** The Pekko system; its guardian runs what {@link #inGuardian(Function)} hands it. */
    public final ActorSystem<GuardianTask> system;

    /** Starts a system named {@code name}. */
    public PekkoHost(String name) {
        Behavior<GuardianTask> guardian = Behaviors.setup(ctx -> Behaviors.receiveMessage(task -> {
            try {
                task.result().complete(task.action().apply(ctx));
            } catch (Throwable t) {
                task.result().completeExceptionally(t);
            }
            return Behaviors.same();
        }));
        system = ActorSystem.create(guardian, name, CONFIG);
    }

    /** Runs {@code action} inside the guardian and waits for its result. */
    @SuppressWarnings("unchecked")
    public <T> T inGuardian(Function<ActorContext<GuardianTask>, T> action) throws Exception {
        CompletableFuture<Object> result = new CompletableFuture<>();
        system.tell(new GuardianTask(ctx -> action.apply(ctx), result));
        return (T) result.get(Check.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Spawns an anonymous top-level actor (a child of the guardian). */
    public <T> org.apache.pekko.actor.typed.ActorRef<T> spawn(Behavior<T> behavior) throws Exception {
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
