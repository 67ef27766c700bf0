package io.heddle.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behaviors;
import io.heddle.CallTimeoutException;
import io.heddle.DeadLetter;
import io.heddle.ExitReason;
import io.heddle.ReplyTo;
import io.heddle.supervision.Backoff;
import io.heddle.supervision.ChildInfo;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Faults injected on purpose: lost and late messages, crashes and kills at chosen moments. */
@Timeout(60)
class FaultInjectionTest {

    record Ping(ReplyTo<String> replyTo) {}

    @Test
    void droppedMessagesAreDeadLetteredAndADroppedCallTimesOut() {
        List<DeadLetter> dead = new ArrayList<>();
        Simulation.withSeed(21).run(sim -> {
            ActorSystem system = sim.newSystem("drops");
            system.deadLetters().subscribe(dead::add);
            TestProbe<Object> probe = TestProbe.create(system);
            sim.dropMessages(probe.ref(), m -> m.equals("lost"));
            probe.ref().cast("lost");
            probe.ref().cast("kept");
            probe.expectMessage("kept");

            ActorRef<Ping> server = system.spawn((ctx, p) -> {
                p.replyTo().reply("pong");
                return Behaviors.same();
            });
            sim.dropMessages(server);
            Duration before = sim.elapsed();
            assertThrows(CallTimeoutException.class, () -> server.call(Ping::new, Duration.ofSeconds(10)));
            assertEquals(Duration.ofSeconds(10), sim.elapsed().minus(before), "the caller waited out its timeout");
            sim.clearFaults();
            String pong = server.call(Ping::new);
            assertEquals("pong", pong);
        });
        assertEquals(List.of("lost", "Ping"), dead.stream().map(d -> d.message() instanceof Ping ? "Ping"
                : d.message()).toList());
        assertTrue(dead.stream().allMatch(d -> d.reason() == DeadLetter.Reason.INJECTED_FAULT));
    }

    @Test
    void delayedMessagesArriveLateInVirtualTime() {
        List<Duration> arrivals = new ArrayList<>();
        Simulation.withSeed(22).run(sim -> {
            ActorSystem system = sim.newSystem("delays");
            ActorRef<String> target = system.spawn((ctx, m) -> {
                arrivals.add(sim.elapsed());
                return Behaviors.same();
            });
            sim.delayMessages(target, Duration.ofSeconds(30), m -> m instanceof String s && s.startsWith("slow"));
            target.cast("slow one");
            target.cast("fast one");
            sim.advance(Duration.ofMinutes(1));
        });
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(30)), arrivals);
    }

    @Test
    void aCrashAtAChosenMomentIsRestartedByTheSupervisorAfterItsBackoffInVirtualTime() {
        List<String> events = new ArrayList<>();
        Simulation.withSeed(23).run(sim -> {
            ActorSystem system = sim.newSystem("crashes");
            Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(1)).withJitter(0)
                    .withResetAfter(Duration.ofMinutes(10));
            ChildSpec<String> spec = ChildSpec.<String>worker("worker", () -> Behaviors.setup(ctx -> {
                events.add("started at " + sim.elapsed().toSeconds() + " s");
                return (c, m) -> Behaviors.same();
            })).backoff(backoff);
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne()
                    .restartIntensity(100, Duration.ofHours(1)).child(spec));
            for (int i = 0; i < 5; i++) {
                ActorRef<?> worker = sup.child("worker").orElseThrow();
                sim.schedule(Duration.ofSeconds(10), () -> sim.crash(worker, new IllegalStateException("injected")));
                TestProbe<Object> probe = TestProbe.create(system, "watch");
                ExitReason reason = probe.expectTerminated(worker, Duration.ofMinutes(1));
                assertInstanceOf(ExitReason.Error.class, reason);
                assertEquals(ChildInfo.Status.RESTARTING, sup.children().getFirst().status());
                sim.advance(Duration.ofMinutes(2)); // past the backoff, whatever it is
                probe.ref().stop();
            }
        });
        // Crashes at 10 s, 140 s, 270 s, 400 s and 530 s; restarts after 1, 2, 4, 8 and 16 s of backoff (doubling:
        // no incarnation ran the 10 minutes that would reset it). Nine virtual minutes, in milliseconds.
        assertEquals(List.of("started at 0 s", "started at 11 s", "started at 142 s", "started at 274 s",
                "started at 408 s", "started at 546 s"), events, events::toString);
    }

    @Test
    void killingAtAChosenMomentStopsTheActorThen() {
        Duration[] stoppedAt = new Duration[1];
        Simulation.withSeed(24).run(sim -> {
            ActorSystem system = sim.newSystem("kills");
            ActorRef<String> victim = system.spawn((ctx, m) -> Behaviors.same());
            sim.schedule(Duration.ofMinutes(3), () -> sim.kill(victim));
            TestProbe<Object> probe = TestProbe.create(system);
            assertEquals(ExitReason.KILLED, probe.expectTerminated(victim, Duration.ofMinutes(5)));
            stoppedAt[0] = sim.elapsed();
        });
        assertEquals(Duration.ofMinutes(3), stoppedAt[0]);
    }
}
