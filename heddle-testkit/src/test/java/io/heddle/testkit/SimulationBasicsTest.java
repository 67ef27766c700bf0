package io.heddle.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behaviors;
import io.heddle.ReplyTo;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SimulationBasicsTest {

    record Echo(String text, ReplyTo<String> replyTo) {}

    @Test
    void aCallRoundTripsInsideTheSimulation() {
        String[] reply = new String[1];
        Simulation.withSeed(1).run(sim -> {
            ActorSystem system = sim.newSystem("basics");
            ActorRef<Echo> echo = system.spawn((ctx, m) -> {
                m.replyTo().reply("echo " + m.text());
                return Behaviors.same();
            });
            reply[0] = echo.call(r -> new Echo("hi", r));
        });
        assertEquals("echo hi", reply[0]);
    }

    @Test
    void advanceMovesVirtualTimeOnly() {
        long realStart = System.nanoTime();
        Duration[] elapsed = new Duration[1];
        Simulation.withSeed(2).run(sim -> {
            sim.newSystem("time");
            sim.advance(Duration.ofMinutes(10));
            elapsed[0] = sim.elapsed();
        });
        assertEquals(Duration.ofMinutes(10), elapsed[0]);
        assertTrue(System.nanoTime() - realStart < Duration.ofSeconds(30).toNanos());
    }
}
