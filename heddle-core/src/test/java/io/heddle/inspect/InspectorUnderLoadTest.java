package io.heddle.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behaviors;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Inspection while actors come and go, link, monitor and exchange messages as fast as they can: it never throws, never
 * returns a malformed view, and the actors finish their work while an inspector loops without pause.
 */
class InspectorUnderLoadTest {

    record Ping(int left, ReplyTo<Integer> replyTo) {}

    @Test
    void inspectionNeverThrowsAndNeverHoldsActorsUp() throws Exception {
        try (ActorSystem system = ActorSystem.create("load")) {
            AtomicBoolean done = new AtomicBoolean();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicLong views = new AtomicLong();
            AtomicInteger maxActorsSeen = new AtomicInteger();
            Thread inspector = Thread.ofPlatform().name("inspector").start(() -> {
                Inspector inspect = system.inspect();
                while (!done.get()) {
                    try {
                        List<ActorInfo> actors = inspect.actors();
                        for (ActorInfo a : actors) {
                            assertNotNull(a.pid());
                            assertNotNull(a.state());
                            assertNotNull(a.uptime());
                            assertTrue(a.mailboxSize() >= 0);
                            inspect.actor(a.pid()); // may be gone by now: empty, never an exception
                            break;
                        }
                        maxActorsSeen.accumulateAndGet(actors.size(), Math::max);
                        ActorTree tree = inspect.tree();
                        assertTrue(tree.size() >= 0);
                        inspect.links();
                        inspect.monitors();
                        inspect.system();
                        inspect.deadLetters();
                        views.incrementAndGet();
                    } catch (Throwable t) {
                        failures.add(t);
                        return;
                    }
                }
            });

            // Churn: short-lived linked and monitored actors, spawned and stopped by many threads.
            int churners = 4;
            int rounds = 300;
            CountDownLatch churned = new CountDownLatch(churners);
            for (int t = 0; t < churners; t++) {
                Thread.ofVirtual().start(() -> {
                    try {
                        for (int i = 0; i < rounds; i++) {
                            ActorRef<String> child = system.spawn((ctx, m) -> Behaviors.same());
                            ActorRef<String> parent = system.start(Behaviors.setup(ctx -> {
                                ctx.link(child);
                                ctx.monitor(child, d -> "down");
                                ctx.spawn((c, m) -> Behaviors.same());
                                return (c, m) -> Behaviors.same();
                            }));
                            child.cast("hello");
                            parent.stop();
                            child.stop();
                            parent.termination().join();
                            child.termination().join();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        churned.countDown();
                    }
                });
            }

            // Traffic: ping-pong between long-lived actors, counted to the end.
            ActorRef<Ping> echo = system.spawn((ctx, p) -> {
                p.replyTo().reply(p.left());
                return Behaviors.same();
            }, SpawnOptions.named("echo"));
            List<Thread> callers = new ArrayList<>();
            AtomicInteger replies = new AtomicInteger();
            for (int t = 0; t < 4; t++) {
                callers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        int n = i;
                        if (echo.<Integer>call(r -> new Ping(n, r)) == n) replies.incrementAndGet();
                    }
                }));
            }
            assertTrue(churned.await(60, TimeUnit.SECONDS), "the churn finished while inspection ran");
            for (Thread c : callers) c.join(TimeUnit.SECONDS.toMillis(60));
            assertEquals(20_000, replies.get(), "every call was answered while inspection ran");
            done.set(true);
            inspector.join(TimeUnit.SECONDS.toMillis(10));
            assertTrue(failures.isEmpty(), () -> "inspection or churn failed: " + failures);
            assertTrue(views.get() > 0, "the inspector took views meanwhile");
            assertTrue(maxActorsSeen.get() > 1);
        }
    }
}
