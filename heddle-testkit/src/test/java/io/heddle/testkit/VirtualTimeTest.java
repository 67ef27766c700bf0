package io.heddle.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behaviors;
import io.heddle.CallTimeoutException;
import io.heddle.ReplyTo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timers, timeouts and the clock, in virtual time: minutes of it in milliseconds. */
@Timeout(60)
class VirtualTimeTest {

    record Tick() {}

    record Silent(ReplyTo<String> replyTo) {}

    @Test
    void anIntervalTimerFiresExactlyOncePerPeriodOverTenMinutes() {
        List<Long> ticksAtMs = new ArrayList<>();
        long realStart = System.nanoTime();
        Simulation.withSeed(3).run(sim -> {
            ActorSystem system = sim.newSystem("ticks");
            system.spawn(Behaviors.<Tick>setup(ctx -> {
                ctx.sendInterval(new Tick(), Duration.ofSeconds(1));
                return (c, tick) -> {
                    ticksAtMs.add(Duration.between(sim.now().minus(sim.elapsed()), system.clock().instant())
                            .toMillis());
                    return Behaviors.same();
                };
            }));
            sim.advance(Duration.ofMinutes(10));
        });
        assertEquals(600, ticksAtMs.size());
        for (int i = 0; i < 600; i++) assertEquals((i + 1) * 1_000L, ticksAtMs.get(i));
        assertTrue(System.nanoTime() - realStart < Duration.ofSeconds(20).toNanos(), "ten virtual minutes, fast");
    }

    @Test
    void aCallTimesOutAfterItsTimeoutInVirtualTime() {
        Duration[] waited = new Duration[1];
        String[] message = new String[1];
        Simulation.withSeed(4).run(sim -> {
            ActorSystem system = sim.newSystem("timeouts");
            ActorRef<Silent> silent = system.spawn((ctx, m) -> Behaviors.same());
            Duration start = sim.elapsed();
            CallTimeoutException e = assertThrows(CallTimeoutException.class,
                    () -> silent.call(Silent::new, Duration.ofSeconds(30)));
            waited[0] = sim.elapsed().minus(start);
            message[0] = e.getMessage();
        });
        assertEquals(Duration.ofSeconds(30), waited[0], "the driver jumped straight to the timeout");
        assertTrue(message[0].contains("timed out after 30000 ms"), message[0]);
    }

    @Test
    void selectiveReceiveTimesOutInVirtualTime() {
        Optional<?>[] got = new Optional<?>[1];
        Duration[] at = new Duration[1];
        Simulation.withSeed(5).run(sim -> {
            ActorSystem system = sim.newSystem("receive");
            ActorRef<Object> waiter = system.spawn((ctx, m) -> {
                got[0] = ctx.receive(Tick.class, Duration.ofMinutes(2));
                at[0] = sim.elapsed();
                return Behaviors.same();
            });
            waiter.cast("go");
            sim.runUntilIdle();
            assertEquals(Duration.ZERO, sim.elapsed(), "runUntilIdle does not move time");
            assertEquals(null, got[0], "still waiting");
            sim.advance(Duration.ofMinutes(3));
        });
        assertEquals(Optional.empty(), got[0]);
        assertEquals(Duration.ofMinutes(2), at[0]);
    }

    @Test
    void advanceToNextTimerJumpsOneTimerAtATime() {
        List<Duration> seen = new ArrayList<>();
        boolean[] noMore = new boolean[1];
        Simulation.withSeed(6).run(sim -> {
            ActorSystem system = sim.newSystem("next");
            system.spawn(Behaviors.<String>setup(ctx -> {
                ctx.sendAfter("a", Duration.ofSeconds(5));
                ctx.sendAfter("b", Duration.ofHours(1));
                return (c, m) -> {
                    seen.add(sim.elapsed());
                    return Behaviors.same();
                };
            }));
            sim.runUntilIdle();
            assertTrue(sim.advanceToNextTimer());
            assertEquals(List.of(Duration.ofSeconds(5)), seen);
            assertTrue(sim.advanceToNextTimer());
            assertEquals(List.of(Duration.ofSeconds(5), Duration.ofHours(1)), seen);
            noMore[0] = !sim.advanceToNextTimer();
        });
        assertTrue(noMore[0]);
    }

    @Test
    void theSystemClockIsVirtualAndStartsAtTheEpoch() {
        Instant[] now = new Instant[2];
        Simulation.withSeed(9).run(sim -> {
            ActorSystem system = sim.newSystem("clock");
            now[0] = system.clock().instant();
            sim.advance(Duration.ofDays(1));
            now[1] = system.clock().instant();
        });
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), now[0]);
        assertEquals(Instant.parse("2026-01-02T00:00:00Z"), now[1]);
        assertFalse(now[0].equals(Instant.now()));
    }
}
