package io.heddle.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behaviors;
import io.heddle.DeadLetter;
import io.heddle.Mailbox;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorSpec;
import io.heddle.task.Task;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What inspection reports about actors, the tree, links and monitors. */
class InspectorTest {

    record Block(CountDownLatch entered, CountDownLatch release) {}

    static final class Counter extends Actor<Object> {
        @Override
        protected void handle(Object message) throws Exception {
            if (message instanceof Block(CountDownLatch entered, CountDownLatch release)) {
                entered.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            if (message instanceof ReplyTo<?> r) ((ReplyTo<String>) r).reply("ok");
        }
    }

    /** Polls {@code condition} (no sleeping: it yields) until it holds, for up to 10 s. */
    static void eventually(String what, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not within 10 s: " + what);
            Thread.yield();
        }
    }

    static ActorInfo find(List<ActorInfo> actors, ActorRef<?> ref) {
        return actors.stream().filter(a -> a.pid().equals(ref.pid())).findFirst()
                .orElseThrow(() -> new AssertionError(ref + " not among " + actors));
    }

    @Test
    void anActorShowsItsStateMailboxAndCurrentMessage() throws Exception {
        try (ActorSystem system = ActorSystem.create("inspect")) {
            ActorRef<Object> counter = system.spawn(new Counter(), SpawnOptions.named("counter")
                    .mailbox(Mailbox.fixed(50)));
            for (int i = 0; i < 3; i++) counter.call(ReplyTo.class::cast);
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            counter.cast(new Block(entered, release));
            entered.await();
            counter.cast("queued 1");
            counter.cast("queued 2");

            ActorInfo info = system.inspect().actor(counter.pid()).orElseThrow();
            assertEquals("counter", info.name());
            assertEquals("counter", info.label());
            assertEquals("counter" + counter.pid(), info.displayName());
            assertSame(ActorKind.ACTOR, info.kind());
            assertSame(ActorState.RUNNING, info.state());
            assertEquals(Block.class.getName(), info.currentMessage());
            assertNotNull(info.handlingFor());
            assertEquals(2, info.mailboxSize());
            assertEquals(50, info.mailboxCapacity());
            assertEquals(3, info.processed(), "three calls handled; the blocked message is not finished");
            assertNull(info.parent());
            assertSame(io.heddle.Health.HEALTHY, info.health());
            release.countDown();
            assertEquals("ok", counter.call(ReplyTo.class::cast));
            ActorInfo after = system.inspect().actor(counter.pid()).orElseThrow();
            assertEquals(7, after.processed());
            assertSame(ActorState.IDLE, after.state());
            assertNull(after.currentMessage());
            assertNull(after.handlingFor());
        }
    }

    @Test
    void anActorWaitingOnACallIsWaiting() throws Exception {
        try (ActorSystem system = ActorSystem.create("inspect")) {
            CountDownLatch release = new CountDownLatch(1);
            ActorRef<ReplyTo<String>> slow = system.spawn((ctx, r) -> {
                release.await(10, TimeUnit.SECONDS);
                r.reply("late");
                return Behaviors.same();
            }, SpawnOptions.named("slow").backend(io.heddle.Backend.virtualThread()));
            CompletableFuture<String> entered = new CompletableFuture<>();
            ActorRef<String> caller = system.spawn((ctx, m) -> {
                entered.complete(m);
                slow.<String>call(r -> r);
                return Behaviors.same();
            }, SpawnOptions.named("caller"));
            caller.cast("go");
            entered.join();
            eventually("a handler blocked in a call shows as waiting",
                    () -> system.inspect().actor(caller.pid()).orElseThrow().state() == ActorState.WAITING);
            release.countDown();
        }
    }

    @Test
    void theTreeShowsSupervisorsChildrenAndRestarts() throws Exception {
        try (ActorSystem system = ActorSystem.create("inspect")) {
            ChildSpec<String> spec = ChildSpec.worker("worker", () -> (ctx, m) -> {
                if (m.equals("crash")) throw new IllegalStateException("on purpose");
                return Behaviors.same();
            });
            Supervisor supervisor = Supervisor.start(system, SupervisorSpec.oneForOne().child(spec),
                    SpawnOptions.named("root"));
            ActorRef<String> first = supervisor.child(spec).orElseThrow();
            Task<String> task = Task.spawn(system, () -> "done");
            task.join();

            ActorTree tree = system.inspect().tree();
            assertEquals("inspect", tree.system());
            ActorTree.Node root = tree.roots().stream().filter(n -> "root".equals(n.actor().name())).findFirst()
                    .orElseThrow();
            assertSame(ActorKind.SUPERVISOR, root.actor().kind());
            assertEquals(1, root.children().size());
            ActorInfo child = root.children().getFirst().actor();
            assertEquals(first.pid(), child.pid());
            assertEquals("worker", child.childId());
            assertEquals(0, child.restarts());
            assertEquals(root.actor().pid(), child.parent());
            assertEquals(List.of(root.actor().pid()), child.links(), "a supervisor links its children");

            first.cast("crash");
            first.termination().join();
            eventually("the child is restarted", () -> supervisor.child(spec).filter(c -> !c.equals(first))
                    .isPresent());
            ActorRef<String> second = supervisor.child(spec).orElseThrow();
            ActorInfo restarted = system.inspect().actor(second.pid()).orElseThrow();
            assertEquals("worker", restarted.childId());
            assertEquals(1, restarted.restarts());
            assertFalse(system.inspect().actor(first.pid()).isPresent(), "a stopped actor leaves the view");
            assertEquals(Optional.of(second), system.inspect().ref(second.pid()).map(r -> (Object) r));
            assertTrue(system.inspect().ref(first.pid()).isEmpty());
        }
    }

    @Test
    void linksAndMonitorsAreListedFromBothEnds() throws Exception {
        try (ActorSystem system = ActorSystem.create("inspect")) {
            ActorRef<String> target = system.spawn((ctx, m) -> Behaviors.same(), SpawnOptions.named("target"));
            ActorRef<String> watcher = system.start(Behaviors.setup(ctx -> {
                ctx.monitor(target, down -> "down");
                ctx.link(target);
                return (c, m) -> Behaviors.same();
            }), SpawnOptions.named("watcher"));
            Inspector inspector = system.inspect();
            assertEquals(List.of(new Monitor(watcher.pid(), target.pid())), inspector.monitors());
            Link link = inspector.links().getFirst();
            assertEquals(1, inspector.links().size());
            assertEquals(new Link(target.pid(), watcher.pid()), link, "smaller pid first");
            List<ActorInfo> actors = inspector.actors();
            assertEquals(List.of(target.pid()), find(actors, watcher).monitors());
            assertEquals(List.of(watcher.pid()), find(actors, target).monitoredBy());
            assertEquals(List.of(watcher.pid()), find(actors, target).links());
        }
    }

    @Test
    void systemSummaryDeadLettersAndTasksAreCounted() throws Exception {
        try (ActorSystem system = ActorSystem.create("inspect")) {
            ActorRef<String> gone = system.spawn((ctx, m) -> Behaviors.same());
            gone.stop();
            gone.termination().join();
            gone.cast("lost");
            CountDownLatch hold = new CountDownLatch(1);
            Task<Object> task = Task.spawn(system, () -> {
                hold.await();
                return null;
            });
            SystemInfo info = system.inspect().system();
            assertEquals("inspect", info.name());
            assertTrue(info.running());
            assertEquals(1, info.tasks());
            assertEquals(0, info.actors());
            assertEquals(1, info.deadLetters());
            List<DeadLetter> letters = system.inspect().deadLetters();
            assertEquals("lost", letters.getLast().message());
            ActorInfo taskInfo = system.inspect().actor(task.pid()).orElseThrow();
            assertSame(ActorKind.TASK, taskInfo.kind());
            hold.countDown();
            task.join();
            task.ref().termination().join();
            assertTrue(system.inspect().actor(task.pid()).isEmpty(), "a finished task leaves the view");
        }
    }

    @Test
    void aLambdaBehaviorIsLabelledByItsDeclaringClass() throws Exception {
        try (ActorSystem system = ActorSystem.create("inspect")) {
            ActorRef<String> anonymous = system.spawn((ctx, m) -> Behaviors.same());
            assertEquals("InspectorTest$lambda", system.inspect().actor(anonymous.pid()).orElseThrow().label());
            ActorRef<Object> counter = system.spawn(new Counter());
            assertEquals("InspectorTest$Counter", system.inspect().actor(counter.pid()).orElseThrow().label());
        }
    }
}
