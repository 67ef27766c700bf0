package io.heddle.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ExitReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The supervision matrix, as OTP's own suite is organised: for each strategy, each restart type of the exiting child
 * and each way it can exit, what is stopped and restarted, and in which order. Three children a, b, c start in that
 * order; a and c are permanent; b has the restart type under test and exits.
 */
@Timeout(30)
class SupervisorStrategyTest {

    /** How b exits. */
    enum Termination { NORMAL, SHUTDOWN, ABNORMAL, KILLED }

    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (Strategy strategy : Strategy.values()) {
            for (Restart restart : Restart.values()) {
                for (Termination termination : Termination.values()) {
                    all.add(Arguments.of(strategy, restart, termination));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, b {1}, exits {2}")
    @MethodSource("matrix")
    void whatIsRestartedAndInWhichOrder(Strategy strategy, Restart restart, Termination termination) throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        SupervisorSpec spec = new SupervisorSpec(strategy, 3, SupervisorSpec.DEFAULT_PERIOD, AutoShutdown.NEVER, 0,
                List.of())
                .child(Worker.spec("a", journal))
                .child(Worker.spec("b", journal).restart(restart))
                .child(Worker.spec("c", journal));
        try (ActorSystem system = ActorSystem.create("matrix")) {
            Supervisor sup = Supervisor.start(system, spec);
            assertEquals(List.of("start:a#1", "start:b#1", "start:c#1"), journal);
            ActorRef<?> a = sup.child("a").orElseThrow();
            ActorRef<?> c = sup.child("c").orElseThrow();
            @SuppressWarnings("unchecked")
            ActorRef<Worker.Command> b = (ActorRef<Worker.Command>) sup.child("b").orElseThrow();
            journal.clear();

            switch (termination) {
                case NORMAL -> b.cast(new Worker.Exit());
                case SHUTDOWN -> b.stop();
                case ABNORMAL -> b.cast(new Worker.Crash("on purpose"));
                case KILLED -> b.kill();
            }
            ExitReason reason = b.termination().get(10, TimeUnit.SECONDS);
            // b's exit signal reached the supervisor's control lane before its termination completed, so this call is
            // handled after the supervisor has dealt with the exit, restarts included.
            List<ChildInfo> children = sup.children();

            boolean restarted = switch (restart) {
                case PERMANENT -> true;
                case TRANSIENT -> reason.isAbnormal();
                case TEMPORARY -> false;
            };
            List<String> expected = new ArrayList<>();
            if (termination != Termination.KILLED) expected.add("stop:b:" + Worker.kind(reason));
            if (restarted) {
                switch (strategy) {
                    case ONE_FOR_ONE -> expected.add("start:b#2");
                    case ONE_FOR_ALL -> expected.addAll(List.of("stop:c:shutdown", "stop:a:shutdown", "start:a#2",
                            "start:b#2", "start:c#2"));
                    case REST_FOR_ONE -> expected.addAll(List.of("stop:c:shutdown", "start:b#2", "start:c#2"));
                }
            }
            assertEquals(expected, journal);

            List<String> ids = children.stream().map(ChildInfo::id).toList();
            if (restart == Restart.TEMPORARY) {
                assertEquals(List.of("a", "c"), ids, "a temporary child is removed when it exits");
            } else {
                assertEquals(List.of("a", "b", "c"), ids);
                ChildInfo bInfo = children.get(1);
                assertEquals(restarted ? ChildInfo.Status.RUNNING : ChildInfo.Status.STOPPED, bInfo.status());
                assertEquals(restarted ? 1 : 0, bInfo.restarts());
            }
            boolean allRestarted = restarted && strategy == Strategy.ONE_FOR_ALL;
            boolean cRestarted = restarted && strategy != Strategy.ONE_FOR_ONE;
            if (!allRestarted) assertSame(a, sup.child("a").orElseThrow(), "a keeps its incarnation");
            if (!cRestarted) assertSame(c, sup.child("c").orElseThrow(), "c keeps its incarnation");
            assertTrue(sup.ref().isAlive());
        }
    }
}
