package io.heddle.dashboard;

import static io.heddle.dashboard.Fixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Behaviors;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.spi.ActorObserver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional instrumentation: one observer that times handlers per actor. */
class HandlerTimingsTest {

    @Test
    void statsAccumulateCountMeanMaxAndAMovingAverage() {
        LatencyStats stats = new LatencyStats();
        assertNull(stats.snapshot());
        stats.record(10);
        stats.record(20);
        Latency l = stats.snapshot();
        assertEquals(2, l.count());
        assertEquals(15.0, l.meanNanos(), 1e-9);
        assertEquals(20, l.maxNanos());
        assertEquals(10 * (1 - LatencyStats.WEIGHT) + 20 * LatencyStats.WEIGHT, l.ewmaNanos(), 1e-9);
    }

    @Test
    void instrumentAddsOneObserverThatTracesMessages() {
        ActorSystemConfig once = Dashboard.instrument(ActorSystemConfig.defaults("timed"));
        ActorSystemConfig twice = Dashboard.instrument(once);
        List<ActorObserver> observers = twice.observers();
        assertEquals(1, observers.size());
        assertTrue(observers.getFirst() instanceof HandlerTimings);
        assertTrue(observers.getFirst().tracesMessages(), "beforeHandler and afterHandler are called only if so");
    }

    @Test
    void handlersAreTimedPerActorNotInitAndForgottenWhenTheActorStops() throws Exception {
        ActorSystemConfig config = Dashboard.instrument(ActorSystemConfig.defaults("timed"));
        HandlerTimings timings = (HandlerTimings) config.observers().getFirst();
        try (ActorSystem system = ActorSystem.create(config)) {
            ActorRef<Object> echo = system.start(Behaviors.setup(ctx -> (c, m) -> {
                if (m instanceof ReplyTo<?> r) ((ReplyTo<Object>) r).reply(m);
                return Behaviors.same();
            }), SpawnOptions.named("echo"));
            ActorRef<Object> quiet = system.start(Behaviors.setup(ctx -> (c, m) -> Behaviors.same()),
                    SpawnOptions.named("quiet"));
            for (int i = 0; i < 4; i++) echo.cast("cast " + i);
            echo.call(ReplyTo.class::cast);
            eventually("four casts and one call timed", () -> timings.latency(echo.pid()) != null
                    && timings.latency(echo.pid()).count() == 5);
            Latency l = timings.latency(echo.pid());
            assertTrue(l.meanNanos() <= l.maxNanos() && l.ewmaNanos() <= l.maxNanos(), l.toString());
            assertNull(timings.latency(quiet.pid()), "init is not a message: nothing timed");

            echo.stop();
            echo.termination().join();
            eventually("a stopped actor's timings are dropped", () -> timings.latency(echo.pid()) == null);
        }
    }
}
