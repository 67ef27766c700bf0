package io.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Backend;
import io.heddle.Behaviors;
import io.heddle.Cancellable;
import io.heddle.SpawnOptions;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Actor timers and selective-receive timeouts, at exact virtual times, under many seeds. */
class TimersTest {

    static Stream<Backend> backends() {
        return Stream.of(Backend.dispatcher(), Backend.virtualThread(), Backend.platformThread());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void sendAfterDeliversToSelfAtItsDelay(Backend backend) {
        List<Duration> at = new ArrayList<>();
        Simulation.withSeed(Simulation.seed(1)).run(sim -> {
            ActorSystem system = sim.newSystem("timers");
            system.spawn(Behaviors.<String>setup(ctx -> {
                ctx.sendAfter("tick", Duration.ofMillis(5));
                return (c, m) -> {
                    at.add(sim.elapsed());
                    return Behaviors.same();
                };
            }), SpawnOptions.defaults().backend(backend));
            sim.advance(Duration.ofSeconds(1));
        });
        assertEquals(List.of(Duration.ofMillis(5)), at);
    }

    /** Ticks until the third, cancels; a marker later shows that no tick was handled after the cancel. */
    @SimulationTest(seeds = 25)
    void aCancelledIntervalDeliversNoMoreTicks(Simulation sim) {
        List<String> handled = new ArrayList<>();
        ActorSystem system = sim.newSystem("timers");
        system.spawn(Behaviors.<String>setup(ctx -> {
            Cancellable ticks = ctx.sendInterval("tick", Duration.ofMillis(2));
            return (c, m) -> {
                handled.add(m + "@" + sim.elapsed().toMillis());
                if (m.equals("tick") && handled.size() == 3) {
                    assertTrue(ticks.cancel());
                    assertFalse(ticks.cancel(), "cancelling twice is harmless");
                    c.sendAfter("marker", Duration.ofMillis(30));
                }
                return Behaviors.same();
            };
        }));
        sim.advance(Duration.ofSeconds(1));
        assertEquals(List.of("tick@2", "tick@4", "tick@6", "marker@36"), handled);
    }

    @SimulationTest(seeds = 25)
    void timersEndWhenTheActorStops(Simulation sim) {
        ActorSystem system = sim.newSystem("timers");
        int[] ticks = {0};
        ActorRef<String> ref = system.spawn(Behaviors.<String>setup(ctx -> {
            ctx.sendInterval("tick", Duration.ofMillis(1));
            return (c, m) -> ++ticks[0] == 5 ? Behaviors.stopped() : Behaviors.same();
        }));
        sim.advance(Duration.ofMinutes(1));
        assertFalse(ref.isAlive());
        assertEquals(5, ticks[0]);
        assertTrue(system.deadLetters().recent().stream().noneMatch(l -> l.message().equals("tick")),
                "a stopped actor's timer neither fires nor dead-letters");
    }

    @SimulationTest(seeds = 25)
    void selectiveReceiveTimesOutAtItsTimeoutAndLosesNothing(Simulation sim) {
        List<String> later = new ArrayList<>();
        Object[] result = new Object[2];
        ActorSystem system = sim.newSystem("receive");
        ActorRef<Object> ref = system.spawn((ctx, m) -> {
            if (m.equals("wait")) {
                result[0] = ctx.receive(x -> x instanceof Integer, Duration.ofMillis(30));
                result[1] = sim.elapsed();
            } else {
                later.add((String) m);
            }
            return Behaviors.same();
        });
        ref.cast("wait");
        ref.cast("x");
        ref.cast("end");
        sim.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), result[0]);
        assertEquals(Duration.ofMillis(30), result[1]);
        assertEquals(List.of("x", "end"), later, "the messages passed over stay queued, in order");
    }
}
