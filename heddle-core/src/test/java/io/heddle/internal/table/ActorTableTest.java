package io.heddle.internal.table;

import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.ref.Recipient;
import io.heddle.internal.signals.SignalState;
import io.heddle.internal.system.SystemImpl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystemConfig;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.ExitSignal;
import io.heddle.Name;
import io.heddle.NameTakenException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The table forgets links, monitors and names of actors that have stopped: no leaks, even under churn. */
@Timeout(60)
class ActorTableTest {

    record LinkTo(ActorRef<?> other) {}

    record MonitorOf(ActorRef<?> other) {}

    record Done(CountDownLatch latch) {}

    /** Traps exits and absorbs notices; links and monitors on request. */
    private static Behavior<Object> peer() {
        return Behaviors.setup(ctx -> {
            ctx.trapExits(ExitSignal::from);
            return (c, message) -> {
                switch (message) {
                    case LinkTo(ActorRef<?> other) -> c.link(other);
                    case MonitorOf(ActorRef<?> other) -> c.monitor(other, d -> d);
                    case Done(CountDownLatch latch) -> latch.countDown();
                    case String s when s.equals("stop") -> {
                        return Behaviors.stopped();
                    }
                    default -> { }
                }
                return Behaviors.same();
            };
        });
    }

    @Test
    void underChurnTheTableKeepsNoTraceOfStoppedActors() throws Exception {
        try (SystemImpl system = new SystemImpl(ActorSystemConfig.defaults("table"))) {
            int slots = 16;
            AtomicReferenceArray<ActorRef<Object>> pool = new AtomicReferenceArray<>(slots);
            for (int i = 0; i < slots; i++) pool.set(i, system.spawn(peer()));
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 2_000; i++) {
                        ActorRef<Object> a = pool.get(random.nextInt(slots));
                        ActorRef<Object> b = pool.get(random.nextInt(slots));
                        switch (random.nextInt(4)) {
                            case 0 -> { if (a != b) a.cast(new LinkTo(b)); }
                            case 1 -> { if (a != b) a.cast(new MonitorOf(b)); }
                            case 2 -> {
                                try {
                                    system.registry().register(Name.of("n" + random.nextInt(8)), a);
                                } catch (NameTakenException | IllegalArgumentException expected) {
                                    // taken by another, or a has just stopped: both are part of the churn
                                }
                            }
                            default -> {
                                int slot = random.nextInt(slots);
                                ActorRef<Object> old = pool.getAndSet(slot, system.spawn(peer()));
                                if (random.nextBoolean()) old.cast("stop");
                                else old.kill();
                            }
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            // Stop the survivors' churn partners: wait for every replaced actor to finish, then let survivors drain
            // their control lanes (a call is handled after every signal queued before it).
            List<ActorRef<Object>> survivors = new ArrayList<>();
            for (int i = 0; i < slots; i++) survivors.add(pool.get(i));
            List<ActorCell<?>> all = new ArrayList<>();
            system.table().forEach(all::add);
            for (ActorCell<?> cell : all) {
                if (!survivors.contains(cell)) {
                    cell.stop();
                    cell.termination().get(10, TimeUnit.SECONDS);
                }
            }
            for (ActorRef<Object> s : survivors) {
                CountDownLatch drained = new CountDownLatch(1);
                s.cast(new Done(drained));
                assertTrue(drained.await(10, TimeUnit.SECONDS));
            }
            List<ActorCell<?>> live = new ArrayList<>();
            system.table().forEach(live::add);
            assertEquals(slots, live.size(), "only the survivors are left in the table");
            for (ActorCell<?> cell : live) {
                for (Recipient<?> linked : system.table().links(cell)) {
                    assertTrue(linked.isAlive(), cell + " still links to stopped " + linked);
                }
                for (Recipient<?> watcher : system.table().watchers(cell)) {
                    assertTrue(watcher.isAlive(), cell + " is still watched by stopped " + watcher);
                }
                SignalState x = cell.signalsOrNull();
                if (x != null && x.monitoring != null) {
                    x.monitoring.values().forEach(m -> assertTrue(m.target().isAlive(),
                            cell + " still holds a monitor on stopped " + m.target()));
                }
            }
            system.table().names().forEach((name, holder) -> assertTrue(holder.isAlive(),
                    "name " + name + " still held by stopped " + holder));
        }
    }
}
