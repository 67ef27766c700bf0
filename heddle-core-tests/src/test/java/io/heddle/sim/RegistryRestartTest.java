package io.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorStoppedException;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.DeadLetter;
import io.heddle.Name;
import io.heddle.NotRegisteredException;
import io.heddle.Pid;
import io.heddle.ReplyTo;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorSpec;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reaching a supervised actor by its name across restarts: a call by name waits for the successor, a request still
 * queued at the crashed actor is answered by the successor, a request a handler had is never sent twice, and a cast to
 * a name nobody holds is a dead letter, not an exception.
 */
class RegistryRestartTest {

    sealed interface Msg permits Ask, Crash, Hold, Stop {}

    record Ask(int id, ReplyTo<Integer> replyTo) implements Msg {}

    record Crash() implements Msg {}

    /** Handled without a reply: the call stays open (a deferred reply). */
    record Hold(ReplyTo<Integer> replyTo) implements Msg {}

    record Stop() implements Msg {}

    private static final Name<Msg> SERVICE = Name.of("service");

    /** Answers each Ask with its id, counting how often each id was handled. */
    static Behavior<Msg> service(List<Integer> handled, AtomicInteger holds) {
        return (ctx, msg) -> switch (msg) {
            case Ask(int id, ReplyTo<Integer> replyTo) -> {
                handled.add(id);
                replyTo.reply(id);
                yield Behaviors.same();
            }
            case Crash c -> throw new IllegalStateException("crash on purpose");
            case Hold h -> {
                holds.incrementAndGet();
                yield Behaviors.same();
            }
            case Stop s -> Behaviors.stopped();
        };
    }

    @SimulationTest(seeds = 20)
    void aCallByNameWaitsForTheNameToBeRegistered(Simulation sim) {
        ActorSystem system = sim.newSystem("late");
        CompletableFuture<Integer> reply = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                reply.complete(system.registry().call(SERVICE, r -> new Ask(7, r), Duration.ofSeconds(10)));
            } catch (RuntimeException e) {
                reply.completeExceptionally(e);
            }
        });
        sim.advance(Duration.ofSeconds(2));
        assertFalse(reply.isDone(), "the caller still waits for someone to hold the name: " + reply);
        system.registry().register(SERVICE, system.spawn(service(new CopyOnWriteArrayList<>(), new AtomicInteger())));
        assertEquals(7, reply.join());
    }

    @SimulationTest(seeds = 20)
    void aCallByNameThatNobodyTakesUpFailsAfterItsTimeoutNamingTheWait(Simulation sim) {
        ActorSystem system = sim.newSystem("never");
        NotRegisteredException e = assertThrows(NotRegisteredException.class,
                () -> system.registry().<Msg, Integer>call(SERVICE, r -> new Ask(1, r), Duration.ofSeconds(3)));
        assertEquals("service", e.name());
        assertTrue(e.getMessage().contains("within 3000 ms"), e.getMessage());
        assertEquals(Duration.ofSeconds(3), sim.elapsed(), "it waited the whole timeout, in virtual time");
    }

    @SimulationTest(seeds = 50)
    void callsByNameRideThroughCrashesAndRestartsWithNothingLostOrDoubled(Simulation sim) {
        ActorSystem system = sim.newSystem("restarts");
        List<Integer> handled = new CopyOnWriteArrayList<>();
        Supervisor.start(system, SupervisorSpec.oneForOne().restartIntensity(100, Duration.ofSeconds(1))
                .child(ChildSpec.worker("service", () -> service(handled, new AtomicInteger())).registerAs(SERVICE)));
        int clients = 3;
        int callsEach = 20;
        List<CompletableFuture<List<Integer>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            CompletableFuture<List<Integer>> result = new CompletableFuture<>();
            results.add(result);
            Thread.ofVirtual().start(() -> {
                List<Integer> replies = new ArrayList<>();
                try {
                    for (int i = 0; i < callsEach; i++) {
                        int id = client * 1000 + i;
                        replies.add(system.registry().call(SERVICE, r -> new Ask(id, r)));
                        if (i % 5 == 4) system.registry().cast(SERVICE, new Crash());
                    }
                    result.complete(replies);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        }
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Integer> replies = results.get(c).join(); // throws if any call failed
            for (int i = 0; i < callsEach; i++) assertEquals(c * 1000 + i, replies.get(i));
            all.addAll(replies);
        }
        assertEquals(clients * callsEach, handled.size(), "each request handled once: " + handled);
        assertEquals(all.stream().sorted().toList(), handled.stream().sorted().toList());
    }

    @SimulationTest(seeds = 30)
    void aRequestQueuedBehindTheCrashIsAnsweredByTheSuccessor(Simulation sim) {
        ActorSystem system = sim.newSystem("queued");
        List<Integer> handled = new CopyOnWriteArrayList<>();
        Supervisor.start(system, SupervisorSpec.oneForOne()
                .child(ChildSpec.worker("service", () -> service(handled, new AtomicInteger())).registerAs(SERVICE)));
        ActorRef<Msg> first = system.registry().whereis(SERVICE).orElseThrow();
        first.cast(new Crash());
        int reply = system.registry().call(SERVICE, r -> new Ask(5, r));
        assertEquals(5, reply);
        assertEquals(List.of(5), handled);
    }

    @SimulationTest(seeds = 20)
    void aRequestAHandlerHadIsNeverSentTwice(Simulation sim) {
        ActorSystem system = sim.newSystem("handled");
        AtomicInteger holds = new AtomicInteger();
        ActorRef<Msg> ref = system.spawn(service(new CopyOnWriteArrayList<>(), holds));
        system.registry().register(SERVICE, ref);
        sim.schedule(Duration.ofMillis(100), () -> ref.cast(new Stop()));
        ActorStoppedException e = assertThrows(ActorStoppedException.class,
                () -> system.registry().<Msg, Integer>call(SERVICE, Hold::new, Duration.ofSeconds(5)));
        assertTrue(e.requestHandled(), e.getMessage());
        assertTrue(e.getMessage().contains("after its handler had the request"), e.getMessage());
        assertEquals(1, holds.get(), "the request reached one handler, once");
    }

    @SimulationTest(seeds = 10)
    void aCastToANameNobodyHoldsIsADeadLetterWithItsReason(Simulation sim) {
        ActorSystem system = sim.newSystem("nobody");
        List<DeadLetter> letters = new CopyOnWriteArrayList<>();
        system.deadLetters().subscribe(letters::add);
        system.registry().cast(SERVICE, new Stop());
        assertEquals(1, letters.size(), letters.toString());
        DeadLetter letter = letters.getFirst();
        assertEquals(DeadLetter.Reason.NOT_REGISTERED, letter.reason());
        assertEquals(Pid.NOBODY, letter.recipient());
        assertEquals("service", letter.recipientName());
        assertEquals(new Stop(), letter.message());
    }

    @SimulationTest(seeds = 5)
    void aNonPositiveTimeoutForACallByNameIsRejected(Simulation sim) {
        ActorSystem system = sim.newSystem("timeouts");
        for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(-1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> system.registry().<Msg, Integer>call(SERVICE, r -> new Ask(1, r), bad));
            assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        }
    }
}
