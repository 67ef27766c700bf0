package io.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Behaviors;
import io.heddle.Pid;
import io.heddle.SpawnOptions;
import io.heddle.scheduling.HandlerKind;
import io.heddle.scheduling.Scheduling;
import io.heddle.spi.SchedulingMetrics;
import io.heddle.scheduling.TimeoutAction;
import io.heddle.task.Task;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** What the scheduler reports to {@link SchedulingMetrics}, exactly, in virtual time. */
class SchedulingMetricsTest {

    /** Records every call as a line. */
    static final class Recorder implements SchedulingMetrics {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void handlerCompleted(Pid actor, HandlerKind kind, Class<?> messageType, long nanos) {
            lines.add("completed " + kind + " " + messageType.getSimpleName() + " " + nanos / 1_000_000 + " ms");
        }

        @Override
        public void handlerTimedOut(Pid actor, HandlerKind kind, Class<?> messageType, TimeoutAction action) {
            lines.add("timed out " + kind + " " + messageType.getSimpleName() + " " + action);
        }

        @Override
        public void queueDepth(Pid actor, int depth) {
            lines.add("depth " + depth);
        }

        @Override
        public void throughputYield(Pid actor) {
            lines.add("yield");
        }

        List<String> matching(String prefix) {
            return lines.stream().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    @SimulationTest(seeds = 30)
    void handlersAreTimedAndTurnsThatRunOutOfThroughputAreCounted(Simulation sim) {
        Recorder metrics = new Recorder();
        ActorSystem system = sim.newSystem(ActorSystemConfig.defaults("metrics").parallelism(1)
                .schedulingMetrics(metrics));
        ActorRef<Object> actor = system.spawn((ctx, m) -> {
            if (m instanceof CountDownLatch hold) hold.await();
            if (m instanceof Integer millis) Task.sleep(Duration.ofMillis(millis));
            return Behaviors.same();
        }, SpawnOptions.named("measured").scheduling(Scheduling.defaults().throughput(2)
                .handlerTimeout(Duration.ofMillis(25), TimeoutAction.WARN)));
        CountDownLatch hold = new CountDownLatch(1);
        actor.cast(hold);
        sim.runUntilIdle();
        actor.cast(10);
        actor.cast(20);
        actor.cast(30);
        hold.countDown();
        sim.runUntilIdle();
        while (sim.advanceToNextTimer()) sim.runUntilIdle();

        assertEquals(List.of("completed CAST CountDownLatch 0 ms", "completed CAST Integer 10 ms",
                "completed CAST Integer 20 ms", "completed CAST Integer 30 ms"), metrics.matching("completed"));
        assertEquals(List.of("timed out CAST Integer WARN"), metrics.matching("timed out"));
        // Two turns: the first found the hold alone, went on to 10 after it and, its throughput of 2 used, yielded with
        // 20 and 30 queued; the second found those two.
        assertEquals(List.of("yield"), metrics.matching("yield"));
        assertEquals(List.of("depth 1", "depth 2"), metrics.matching("depth"));
    }

    @SimulationTest(seeds = 10)
    void withoutMetricsNothingIsRecordedAnywhere(Simulation sim) {
        ActorSystem system = sim.newSystem("quiet");
        assertEquals(SchedulingMetrics.NONE, system.config().schedulingMetrics());
        ActorRef<String> actor = system.spawn((ctx, m) -> Behaviors.same());
        actor.cast("x");
        sim.runUntilIdle();
        assertTrue(actor.isAlive());
    }
}
