package io.heddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
class WeakActorRefTest {

    record Ping(ReplyTo<String> replyTo) {}

    /** A class-style actor with some state, so its reclamation is observable through a WeakReference. */
    static final class Holder extends Actor<Object> {
        private final byte[] state = new byte[1 << 16];
        final List<Object> handled;

        Holder(List<Object> handled) {
            this.handled = handled;
        }

        @Override
        protected void handle(Object message) {
            state[0]++;
            handled.add(message);
            if (message instanceof Ping(ReplyTo<String> replyTo)) replyTo.reply("pong");
        }
    }

    private static ExitReason await(ActorRef<?> ref) throws Exception {
        return ref.termination().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void getIsPresentWhileAliveAndEmptyAfterStop(Backend backend) throws Exception {
        try (ActorSystem system = ActorSystem.create("weak")) {
            List<Object> handled = new CopyOnWriteArrayList<>();
            ActorRef<Object> ref = system.spawn(new Holder(handled), SpawnOptions.named("h").backend(backend));
            WeakActorRef<Object> weak = ref.weak();
            assertEquals(ref.pid(), weak.pid());
            assertSame(ref, weak.get().orElseThrow(), "the same actor while it is alive");
            assertEquals("pong", weak.get().orElseThrow().<String>call(Ping::new));
            assertEquals(ref.weak(), weak, "weak refs compare by pid");

            ref.stop();
            assertEquals(ExitReason.SHUTDOWN, await(ref));
            assertTrue(weak.get().isEmpty(), "empty once the actor has stopped");
            assertEquals(ref.pid(), weak.pid(), "the pid stays known");
            assertEquals(1, handled.size());
        }
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void tryCastDeliversWhileAliveAndHandsTheMessageBackOnceStopped(Backend backend) throws Exception {
        try (ActorSystem system = ActorSystem.create("weak")) {
            List<Object> handled = new CopyOnWriteArrayList<>();
            ActorRef<Object> ref = system.spawn(new Holder(handled), SpawnOptions.defaults().backend(backend));
            WeakActorRef<Object> weak = ref.weak();
            assertTrue(weak.tryCast("live").delivered());
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("live"));

            ref.stop();
            await(ref);
            long deadLettersBefore = system.deadLetters().count();
            SendResult<Object> result = weak.tryCast("late");
            SendResult.Dead<?> dead = assertInstanceOf(SendResult.Dead.class, result);
            assertEquals("late", dead.message());
            assertFalse(result.delivered());
            assertEquals(List.of("live"), handled);
            assertEquals(deadLettersBefore, system.deadLetters().count(),
                    "a message handed back by tryCast is not also dead-lettered");
        }
    }

    /** What a test keeps of an actor it created: weak references only, plus a weak actor ref. */
    record Traces(WeakReference<Actor<?>> actor, WeakReference<ActorRef<?>> cell, WeakActorRef<Object> weak) {}

    /** Spawns, uses and stops an actor; once this returns, only {@code keep} holds it strongly. */
    private static Traces spawnUseAndStop(ActorSystem system, Backend backend, List<ActorRef<?>> keep)
            throws Exception {
        Holder holder = new Holder(new CopyOnWriteArrayList<>());
        ActorRef<Object> ref = system.spawn(holder, SpawnOptions.named("reclaimable").backend(backend));
        assertEquals("pong", ref.<String>call(Ping::new));
        ref.cast("one more");
        ref.stop();
        assertEquals(ExitReason.SHUTDOWN, await(ref));
        keep.add(ref);
        return new Traces(new WeakReference<>(holder), new WeakReference<>(ref), ref.weak());
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void aStoppedActorReferencedOnlyWeaklyIsReclaimed(Backend backend) throws Exception {
        try (ActorSystem system = ActorSystem.create("weak-gc")) {
            Traces traces = spawnUseAndStop(system, backend, new ArrayList<>());
            WeakReference<Actor<?>> actor = traces.actor();
            WeakReference<ActorRef<?>> cell = traces.cell();
            WeakActorRef<Object> weak = traces.weak();
            Awaitility.await("the stopped actor and its ref are garbage-collected")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        System.gc();
                        return actor.get() == null && cell.get() == null;
                    });
            assertTrue(weak.get().isEmpty());
            assertEquals(new SendResult.Dead<>("after gc"), weak.tryCast("after gc"));
        }
    }

    @Test
    void aStrongRefToAStoppedActorKeepsOnlyATombstoneNotTheActorsState() throws Exception {
        try (ActorSystem system = ActorSystem.create("weak-gc")) {
            List<ActorRef<?>> strong = new ArrayList<>();
            Traces traces = spawnUseAndStop(system, Backend.dispatcher(), strong);
            WeakReference<Actor<?>> actor = traces.actor();
            ActorRef<?> tombstone = strong.getFirst(); // strongly reachable for the whole wait
            Awaitility.await("the actor's state is released though a ref to it is still held")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        System.gc();
                        return actor.get() == null;
                    });
            assertFalse(tombstone.isAlive());
            assertEquals(ExitReason.SHUTDOWN, await(tombstone));
            assertEquals("reclaimable", tombstone.name().orElseThrow());
            assertSame(tombstone, traces.cell().get());
        }
    }
}
