package io.heddle.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorStartException;
import io.heddle.ActorSystem;
import io.heddle.Behaviors;
import io.heddle.ExitReason;
import io.heddle.Health;
import io.heddle.Name;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SupervisorTest {

    private static ExitReason await(ActorRef<?> ref) throws Exception {
        return ref.termination().get(10, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static ActorRef<Worker.Command> worker(Supervisor sup, String id) {
        return (ActorRef<Worker.Command>) sup.child(id).orElseThrow();
    }

    /** Crashes the child {@code id} and waits until the supervisor has handled the exit. */
    private static void crash(Supervisor sup, String id) throws Exception {
        ActorRef<Worker.Command> child = worker(sup, id);
        child.cast(new Worker.Crash("on purpose"));
        await(child);
    }

    @Test
    void beyondTheRestartIntensityTheSupervisorStopsItsChildrenNewestFirstAndExitsWithAnError() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("intensity")) {
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne()
                    .restartIntensity(2, Duration.ofMinutes(1))
                    .child(Worker.spec("a", journal))
                    .child(Worker.spec("b", journal))
                    .child(Worker.spec("c", journal)));
            crash(sup, "b");
            sup.children();
            crash(sup, "b");
            sup.children();
            journal.clear();
            ActorRef<Worker.Command> b = worker(sup, "b");
            b.cast(new Worker.Crash("third time"));
            ExitReason reason = await(sup.ref());
            ExitReason.Error error = assertInstanceOf(ExitReason.Error.class, reason);
            RestartIntensityExceededException cause =
                    assertInstanceOf(RestartIntensityExceededException.class, error.cause());
            assertEquals(2, cause.maxRestarts());
            assertTrue(cause.getMessage().contains("child 'b' exited"), cause.getMessage());
            assertEquals("third time", cause.getCause().getMessage());
            assertEquals(List.of("stop:b:error", "stop:c:shutdown", "stop:a:shutdown"), journal);
        }
    }

    @Test
    void aGivingUpChildSupervisorEscalatesToItsParentWhichRestartsIt() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("escalation")) {
            SupervisorSpec inner = SupervisorSpec.oneForOne().restartIntensity(0, Duration.ofMinutes(1))
                    .child(Worker.spec("w", journal));
            Supervisor root = Supervisor.start(system, SupervisorSpec.oneForOne()
                    .child(ChildSpec.supervisor("inner", inner)));
            Supervisor first = Supervisor.of(root.child(ChildSpec.supervisor("inner", inner)).orElseThrow());
            journal.clear();
            crash(first, "w");
            assertInstanceOf(RestartIntensityExceededException.class,
                    assertInstanceOf(ExitReason.Error.class, await(first.ref())).cause());
            List<ChildInfo> rootChildren = root.children();
            assertEquals(1, rootChildren.getFirst().restarts());
            Supervisor second = Supervisor.of(root.child(ChildSpec.supervisor("inner", inner)).orElseThrow());
            assertNotSame(first.ref(), second.ref());
            assertEquals(List.of("stop:w:error", "start:w#2"), journal);
            assertEquals(2, worker(second, "w").<Integer>call(Worker.Incarnation::new));
        }
    }

    @Test
    void aChildFailingToStartFailsTheSupervisorsStartAndStopsTheChildrenStartedSoFar() {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("start-failure")) {
            ChildSpec<Object> broken = ChildSpec.worker("broken", () -> Behaviors.setup(ctx -> {
                throw new IllegalStateException("no database");
            }));
            ActorStartException e = assertThrows(ActorStartException.class, () -> Supervisor.start(system,
                    SupervisorSpec.oneForOne()
                            .child(Worker.spec("a", journal))
                            .child(Worker.spec("b", journal))
                            .child(broken)
                            .child(Worker.spec("never", journal))));
            assertTrue(e.getMessage().contains("child 'broken'"), e.getMessage());
            assertTrue(e.getMessage().contains("no database"), e.getMessage());
            assertEquals(List.of("start:a#1", "start:b#1", "stop:b:shutdown", "stop:a:shutdown"), journal);
        }
    }

    @Test
    void aChildThatFailsToRestartCountsAsAnExitUntilTheIntensityIsExceeded() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();
        ChildSpec<Worker.Command> flaky = ChildSpec.worker("flaky", () -> {
            if (starts.incrementAndGet() > 1) throw new IllegalStateException("cannot start again");
            return Worker.spec("flaky", journal).start().get();
        });
        try (ActorSystem system = ActorSystem.create("restart-failure")) {
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne()
                    .restartIntensity(3, Duration.ofMinutes(1)).child(flaky));
            crash(sup, "flaky");
            ExitReason reason = await(sup.ref());
            assertInstanceOf(RestartIntensityExceededException.class,
                    assertInstanceOf(ExitReason.Error.class, reason).cause());
            assertEquals(1 + 3, starts.get(), "the first start, then 3 restarts that fail; the exit of the third is "
                    + "the fourth, one more than the 3 allowed");
        }
    }

    /** A child that ignores stop requests: its handler blocks until interrupted. */
    static final class Stubborn extends Actor<String> {
        private final List<String> journal;
        private final CountDownLatch busy;

        Stubborn(List<String> journal, CountDownLatch busy) {
            this.journal = journal;
            this.busy = busy;
        }

        @Override
        protected void handle(String message) throws Exception {
            busy.countDown();
            new CountDownLatch(1).await(); // until killed
        }

        @Override
        protected void terminate(ExitReason reason) {
            journal.add("stubborn terminated: " + reason);
        }
    }

    @Test
    void aChildThatDoesNotStopInItsShutdownTimeIsKilled() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        CountDownLatch busy = new CountDownLatch(1);
        try (ActorSystem system = ActorSystem.create("shutdown-timeout")) {
            ChildSpec<String> stubborn = ChildSpec.<String>worker("stubborn", () -> new Stubborn(journal, busy))
                    .shutdown(Shutdown.timeout(Duration.ofMillis(50)));
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne().child(stubborn));
            ActorRef<String> child = sup.child(stubborn).orElseThrow();
            child.cast("block");
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            assertTrue(sup.terminateChild("stubborn"));
            assertEquals(ExitReason.KILLED, await(child));
            assertEquals(List.of(), journal, "a killed actor runs no terminate hook");
            assertEquals(ChildInfo.Status.STOPPED, sup.children().getFirst().status());
        }
    }

    @Test
    void brutalKillRunsNoTerminateHook() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("brutal")) {
            ChildSpec<Worker.Command> spec = Worker.spec("w", journal).shutdown(Shutdown.brutalKill());
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne().child(spec));
            ActorRef<Worker.Command> child = sup.child(spec).orElseThrow();
            sup.terminateChild("w");
            assertEquals(ExitReason.KILLED, await(child));
            assertEquals(List.of("start:w#1"), journal);
        }
    }

    @Test
    void stoppingTheSupervisorStopsTheWholeTreeNewestFirst() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("tree")) {
            Supervisor root = Supervisor.start(system, SupervisorSpec.oneForOne()
                    .child(Worker.spec("a", journal))
                    .child(ChildSpec.supervisor("inner", SupervisorSpec.oneForAll()
                            .child(Worker.spec("x", journal))
                            .child(Worker.spec("y", journal))))
                    .child(Worker.spec("b", journal)));
            assertEquals(List.of("start:a#1", "start:x#1", "start:y#1", "start:b#1"), journal);
            journal.clear();
            root.stop();
            assertEquals(ExitReason.SHUTDOWN, await(root.ref()));
            assertEquals(List.of("stop:b:shutdown", "stop:y:shutdown", "stop:x:shutdown", "stop:a:shutdown"), journal);
        }
    }

    static final Name<Worker.Command> SERVICE = Name.of("service");

    @Test
    void aRegisteredChildIsRegisteredAgainOnEveryRestart() throws Exception {
        try (ActorSystem system = ActorSystem.create("names")) {
            ChildSpec<Worker.Command> spec = Worker.spec("service", new CopyOnWriteArrayList<>()).registerAs(SERVICE);
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne().child(spec));
            int first = system.registry().call(SERVICE, Worker.Incarnation::new);
            assertEquals(1, first);
            crash(sup, "service");
            sup.children();
            int second = system.registry().call(SERVICE, Worker.Incarnation::new);
            assertEquals(2, second);
        }
    }

    @Test
    void childrenCanBeAddedTerminatedRestartedAndDeletedAtRunTime() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("api")) {
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne().child(Worker.spec("a", journal)));
            ActorRef<Worker.Command> b = sup.startChild(Worker.spec("b", journal));
            assertEquals(List.of("a", "b"), sup.children().stream().map(ChildInfo::id).toList());
            ChildStartException taken = assertThrows(ChildStartException.class,
                    () -> sup.startChild(Worker.spec("b", journal)));
            assertTrue(taken.getMessage().contains("already has a child 'b'"), taken.getMessage());

            IllegalStateException running = assertThrows(IllegalStateException.class, () -> sup.deleteChild("b"));
            assertTrue(running.getMessage().contains("terminate it before deleting it"), running.getMessage());
            assertTrue(sup.terminateChild("b"));
            assertEquals(ExitReason.SHUTDOWN, await(b));
            assertEquals(ChildInfo.Status.STOPPED, sup.children().get(1).status());
            ActorRef<?> again = sup.restartChild("b");
            assertTrue(again.isAlive());
            assertThrows(IllegalStateException.class, () -> sup.restartChild("b"));
            sup.terminateChild("b");
            assertTrue(sup.deleteChild("b"));
            assertEquals(List.of("a"), sup.children().stream().map(ChildInfo::id).toList());
            assertFalse(sup.terminateChild("nobody"));
            assertEquals(List.of("start:a#1", "start:b#1", "stop:b:shutdown", "start:b#2", "stop:b:shutdown"),
                    journal);
        }
    }

    @Test
    void anySignificantChildExitingForGoodShutsTheSupervisorDown() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("significant")) {
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne()
                    .autoShutdown(AutoShutdown.ANY_SIGNIFICANT)
                    .child(Worker.spec("other", journal))
                    .child(Worker.spec("job", journal).restart(Restart.TRANSIENT).significant(true)));
            worker(sup, "job").cast(new Worker.Exit());
            assertEquals(ExitReason.SHUTDOWN, await(sup.ref()));
            assertEquals(List.of("start:other#1", "start:job#1", "stop:job:normal", "stop:other:shutdown"), journal);
        }
    }

    @Test
    void allSignificantWaitsForEverySignificantChild() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("significant")) {
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne()
                    .autoShutdown(AutoShutdown.ALL_SIGNIFICANT)
                    .child(Worker.spec("one", journal).restart(Restart.TEMPORARY).significant(true))
                    .child(Worker.spec("two", journal).restart(Restart.TRANSIENT).significant(true)));
            ActorRef<Worker.Command> one = worker(sup, "one");
            one.cast(new Worker.Exit());
            await(one);
            assertEquals(List.of("two"), sup.children().stream().map(ChildInfo::id).toList());
            assertTrue(sup.ref().isAlive());
            crash(sup, "two");                      // abnormal: restarted, not final
            sup.children();
            assertTrue(sup.ref().isAlive());
            worker(sup, "two").cast(new Worker.Exit());
            assertEquals(ExitReason.SHUTDOWN, await(sup.ref()));
        }
    }

    @Test
    void significantPermanentChildrenAndSignificantWithoutAutoShutdownAreRefused() {
        List<String> journal = new CopyOnWriteArrayList<>();
        IllegalArgumentException permanent = assertThrows(IllegalArgumentException.class,
                () -> Worker.spec("p", journal).significant(true));
        assertTrue(permanent.getMessage().contains("cannot be significant and permanent"));
        IllegalArgumentException never = assertThrows(IllegalArgumentException.class, () -> SupervisorSpec.oneForOne()
                .child(Worker.spec("t", journal).restart(Restart.TRANSIENT).significant(true)));
        assertTrue(never.getMessage().contains("auto shutdown is NEVER"));
    }

    @Test
    void theSupervisorsHealthAggregatesItsChildren() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("health")) {
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne()
                    .child(Worker.spec("a", journal))
                    .child(Worker.spec("b", journal)));
            assertEquals(Health.HEALTHY, sup.health());
            report(sup, "b", Health.degraded("slow disk"));
            Health degraded = sup.health();
            assertInstanceOf(Health.Degraded.class, degraded);
            assertTrue(degraded.toString().contains("child 'b' is degraded: slow disk"), degraded.toString());
            report(sup, "a", Health.unhealthy("no connection"));
            report(sup, "b", Health.unhealthy("no connection"));
            assertInstanceOf(Health.Unhealthy.class, sup.health());
        }
    }

    @Test
    void withRedundancyTheGroupIsHealthyWhileEnoughChildrenAre() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("redundancy")) {
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne().minHealthy(2)
                    .child(Worker.spec("r1", journal))
                    .child(Worker.spec("r2", journal))
                    .child(Worker.spec("r3", journal)));
            report(sup, "r1", Health.unhealthy("down"));
            assertEquals(Health.HEALTHY, sup.health(), "2 of 3 healthy meets the minimum of 2");
            report(sup, "r2", Health.degraded("slow"));
            Health health = sup.health();
            assertInstanceOf(Health.Degraded.class, health);
            assertTrue(health.toString().contains("1 of 3 children healthy, below the minimum of 2"), health.toString());
            report(sup, "r3", Health.unhealthy("down"));
            assertInstanceOf(Health.Unhealthy.class, sup.health());
        }
    }

    private static void report(Supervisor sup, String id, Health health) {
        ActorRef<Worker.Command> child = worker(sup, id);
        child.cast(new Worker.Report(health));
        child.<Integer>call(Worker.Incarnation::new); // handled after the report
    }

    @Test
    void aStoppedSupervisorReportsItselfUnhealthy() throws Exception {
        try (ActorSystem system = ActorSystem.create("health")) {
            Supervisor sup = Supervisor.start(system, SupervisorSpec.oneForOne());
            sup.stop();
            await(sup.ref());
            assertInstanceOf(Health.Unhealthy.class, sup.health());
        }
    }
}
