package io.heddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RegistryTest {

    sealed interface EchoMsg permits Echo {}

    record Echo(String text, ReplyTo<String> replyTo) implements EchoMsg {}

    static final Name<EchoMsg> ECHO = Name.of("echo");

    static Behavior<EchoMsg> echo(String prefix) {
        return (ctx, msg) -> switch (msg) {
            case Echo(String text, ReplyTo<String> replyTo) -> {
                replyTo.reply(prefix + text);
                yield Behaviors.same();
            }
        };
    }

    @Test
    void aRegisteredActorIsFoundAndReachedByName() {
        try (ActorSystem system = ActorSystem.create("registry")) {
            ActorRef<EchoMsg> ref = system.spawn(echo("1:"));
            system.registry().register(ECHO, ref);
            assertEquals(Optional.of(ref), system.registry().whereis(ECHO));
            String reply = system.registry().call(ECHO, r -> new Echo("hi", r));
            assertEquals("1:hi", reply);
            assertEquals(Map.of("echo", ref.pid()), system.registry().names());
        }
    }

    @Test
    void aTakenNameIsRefusedWithTheHolderNamed() {
        try (ActorSystem system = ActorSystem.create("registry")) {
            ActorRef<EchoMsg> first = system.spawn(echo("1:"), SpawnOptions.named("first"));
            ActorRef<EchoMsg> second = system.spawn(echo("2:"));
            system.registry().register(ECHO, first);
            NameTakenException e = assertThrows(NameTakenException.class,
                    () -> system.registry().register(ECHO, second));
            assertEquals("echo", e.name());
            assertEquals(first.pid(), e.holder());
            assertTrue(e.getMessage().contains("held by first" + first.pid()), e.getMessage());
            system.registry().register(ECHO, first); // registering the holder again is harmless
        }
    }

    @Test
    void theNameIsReleasedWhenItsActorStops() throws Exception {
        try (ActorSystem system = ActorSystem.create("registry")) {
            ActorRef<EchoMsg> ref = system.spawn(echo("1:"));
            system.registry().register(ECHO, ref);
            ref.stop();
            ref.termination().get(10, TimeUnit.SECONDS);
            assertEquals(Optional.empty(), system.registry().whereis(ECHO));
            assertEquals(Map.of(), system.registry().names());
            ActorRef<EchoMsg> successor = system.spawn(echo("2:"));
            system.registry().register(ECHO, successor);
            String reply = system.registry().call(ECHO, r -> new Echo("x", r));
            assertEquals("2:x", reply);
        }
    }

    record Exited(ExitSignal signal) {}

    /** The name is free before linked actors hear of the exit, so a restarter may reuse it at once. */
    @Test
    void aWatcherNotifiedOfTheExitCanRegisterASuccessorAtOnce() throws Exception {
        try (ActorSystem system = ActorSystem.create("registry")) {
            CompletableFuture<String> outcome = new CompletableFuture<>();
            ActorRef<EchoMsg> original = system.spawn(echo("1:"));
            system.registry().register(ECHO, original);
            system.start(Behaviors.<Object>setup(ctx -> {   // start: the link is in place before the kill
                ctx.trapExits(Exited::new);
                ctx.link(original);
                return (c, message) -> {
                    if (message instanceof Exited) {
                        try {
                            system.registry().register(ECHO, c.spawn(echo("2:")));
                            outcome.complete("registered");
                        } catch (RuntimeException e) {
                            outcome.complete(e.toString());
                        }
                    }
                    return Behaviors.same();
                };
            }));
            original.kill();
            assertEquals("registered", outcome.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void unregisterReleasesTheName() {
        try (ActorSystem system = ActorSystem.create("registry")) {
            ActorRef<EchoMsg> ref = system.spawn(echo("1:"));
            system.registry().register(ECHO, ref);
            assertTrue(system.registry().unregister(ECHO));
            assertFalse(system.registry().unregister(ECHO));
            assertEquals(Optional.empty(), system.registry().whereis(ECHO));
            assertTrue(ref.isAlive());
        }
    }

    @Test
    void callingAnUnregisteredNameFailsAfterItsTimeoutWithTheNameAndWhatIsRegistered() {
        try (ActorSystem system = ActorSystem.create("registry")) {
            system.registry().register(Name.of("other"), system.spawn(echo("")));
            NotRegisteredException e = assertThrows(NotRegisteredException.class,
                    () -> system.registry().<EchoMsg, String>call(ECHO, r -> new Echo("lost", r), Duration.ofMillis(20)));
            assertEquals("echo", e.name());
            assertTrue(e.getMessage().contains("no live actor was registered under that name within"), e.getMessage());
            assertTrue(e.getMessage().contains("[other]"), e.getMessage());
        }
    }

    @Test
    void registeringAStoppedActorIsRefused() throws Exception {
        try (ActorSystem system = ActorSystem.create("registry")) {
            ActorRef<EchoMsg> ref = system.spawn(echo(""));
            ref.stop();
            ref.termination().get(10, TimeUnit.SECONDS);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> system.registry().register(ECHO, ref));
            assertTrue(e.getMessage().contains("has stopped"), e.getMessage());
        }
    }

    @Test
    void ofManyConcurrentRegistrationsExactlyOneWins() throws Exception {
        try (ActorSystem system = ActorSystem.create("registry")) {
            int contenders = 16;
            List<ActorRef<EchoMsg>> refs = new ArrayList<>();
            for (int i = 0; i < contenders; i++) refs.add(system.spawn(echo(i + ":")));
            CountDownLatch gate = new CountDownLatch(1);
            AtomicInteger wins = new AtomicInteger();
            AtomicInteger refusals = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (ActorRef<EchoMsg> ref : refs) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        gate.await();
                        system.registry().register(ECHO, ref);
                        wins.incrementAndGet();
                    } catch (NameTakenException e) {
                        refusals.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            gate.countDown();
            for (Thread t : threads) t.join();
            assertEquals(1, wins.get());
            assertEquals(contenders - 1, refusals.get());
        }
    }
}
