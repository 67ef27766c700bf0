package io.heddle.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ExitReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DynamicSupervisorTest {

    @Test
    void childrenAreStartedAndTerminatedAtRunTime() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("dynamic")) {
            DynamicSupervisor sup = DynamicSupervisor.start(system, DynamicSupervisorSpec.defaults());
            ActorRef<Worker.Command> one = sup.startChild(Worker.spec("session", journal));
            ActorRef<Worker.Command> two = sup.startChild(Worker.spec("session", journal));
            assertEquals(2, sup.count());
            assertTrue(sup.terminateChild(one));
            assertEquals(ExitReason.SHUTDOWN, one.termination().get(10, TimeUnit.SECONDS));
            assertFalse(sup.terminateChild(one), "no longer a child");
            assertEquals(List.of(two), sup.children().stream().map(ChildInfo::actor).toList());
        }
    }

    @Test
    void theMaximumOfChildrenIsEnforced() {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("dynamic")) {
            DynamicSupervisor sup = DynamicSupervisor.start(system, DynamicSupervisorSpec.defaults().maxChildren(2));
            sup.startChild(Worker.spec("s", journal));
            sup.startChild(Worker.spec("s", journal));
            ChildStartException full = assertThrows(ChildStartException.class,
                    () -> sup.startChild(Worker.spec("s", journal)));
            assertTrue(full.getMessage().contains("has 2 children, its maximum"), full.getMessage());
        }
    }

    @Test
    void aCrashedPermanentChildIsRestartedWithANewReferenceAndATemporaryOneIsRemoved() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("dynamic")) {
            DynamicSupervisor sup = DynamicSupervisor.start(system, DynamicSupervisorSpec.defaults());
            ActorRef<Worker.Command> permanent = sup.startChild(Worker.spec("p", journal));
            ActorRef<Worker.Command> temporary = sup.startChild(Worker.spec("t", journal).restart(Restart.TEMPORARY));
            permanent.cast(new Worker.Crash("boom"));
            temporary.cast(new Worker.Crash("boom"));
            permanent.termination().get(10, TimeUnit.SECONDS);
            temporary.termination().get(10, TimeUnit.SECONDS);
            List<ChildInfo> children = sup.children();
            assertEquals(1, children.size());
            assertEquals("p", children.getFirst().id());
            assertEquals(1, children.getFirst().restarts());
            assertNotSame(permanent, children.getFirst().actor());
        }
    }

    @Test
    void stoppingTheSupervisorStopsItsChildrenNewestFirst() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("dynamic")) {
            DynamicSupervisor sup = DynamicSupervisor.start(system, DynamicSupervisorSpec.defaults());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sup.startChild(Worker.spec("c" + i, journal));
                ids.add("stop:c" + i + ":shutdown");
            }
            journal.clear();
            sup.stop();
            sup.ref().termination().get(10, TimeUnit.SECONDS);
            assertEquals(ids.reversed(), journal);
        }
    }

    /** Many threads start and terminate children at once; the count is exact at the end. */
    @Test
    void concurrentStartsAndTerminationsKeepAnExactCount() throws Exception {
        List<String> journal = new CopyOnWriteArrayList<>();
        try (ActorSystem system = ActorSystem.create("dynamic")) {
            DynamicSupervisor sup = DynamicSupervisor.start(system, DynamicSupervisorSpec.defaults());
            int threads = 8;
            int perThread = 50;
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        ActorRef<Worker.Command> child = sup.startChild(Worker.spec("w", journal));
                        if (i % 2 == 0) sup.terminateChild(child);
                    }
                }));
            }
            for (Thread w : workers) w.join();
            assertEquals(threads * perThread / 2, sup.count());
            assertEquals(threads * perThread, journal.stream().filter(e -> e.startsWith("start:")).count());
        }
    }
}
