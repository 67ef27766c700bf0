package io.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.DeadLetter;
import io.heddle.Group;
import io.heddle.Name;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.inspect.RouterInfo;
import io.heddle.routing.HashKey;
import io.heddle.routing.NoRouteeException;
import io.heddle.routing.Router;
import io.heddle.routing.RoutingStrategy;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorSpec;
import io.heddle.task.Joiner;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/** Each routing strategy's distribution, routee death, groups, names, broadcast calls and inspection. */
class RouterTest {

    sealed interface Msg permits Work, Keyed, Ask, Block {}

    record Work(int id) implements Msg {}

    record Keyed(String key) implements Msg, HashKey {
        @Override
        public Object hashKey() {
            return key;
        }
    }

    record Ask(ReplyTo<String> replyTo) implements Msg {}

    record Block(CountDownLatch release) implements Msg {}

    /** A routee that records, by its name, what it handled. */
    static Behavior<Msg> recorder(String name, Map<String, List<Msg>> seen) {
        return (ctx, msg) -> {
            switch (msg) {
                case Block(CountDownLatch release) -> release.await();
                case Ask(ReplyTo<String> replyTo) -> replyTo.reply(name);
                default -> seen.computeIfAbsent(name, n -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(msg);
            }
            return Behaviors.same();
        };
    }

    static List<ActorRef<Msg>> spawn(ActorSystem system, int n, Map<String, List<Msg>> seen) {
        List<ActorRef<Msg>> refs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            refs.add(system.spawn(recorder("r" + i, seen), SpawnOptions.named("r" + i)
                    .mailbox(io.heddle.Mailbox.unbounded())));
        }
        return refs;
    }

    static int count(Map<String, List<Msg>> seen, String name) {
        List<Msg> list = seen.get(name);
        return list == null ? 0 : list.size();
    }

    @SimulationTest(seeds = 20)
    void roundRobinIsExact(Simulation sim) {
        ActorSystem system = sim.newSystem("rr");
        Map<String, List<Msg>> seen = new ConcurrentHashMap<>();
        Router<Msg> router = Router.of(system, "rr", RoutingStrategy.roundRobin(), spawn(system, 3, seen));
        for (int i = 0; i < 300; i++) router.cast(new Work(i));
        sim.runUntilIdle();
        for (int r = 0; r < 3; r++) {
            List<Msg> got = seen.get("r" + r);
            assertEquals(100, got.size());
            for (int k = 0; k < 100; k++) assertEquals(new Work(r + 3 * k), got.get(k), "each in turn, in order");
        }
    }

    @SimulationTest(seeds = 20)
    void randomSpreadsWithinBounds(Simulation sim) {
        ActorSystem system = sim.newSystem("random");
        Map<String, List<Msg>> seen = new ConcurrentHashMap<>();
        Router<Msg> router = Router.of(system, "random", RoutingStrategy.random(), spawn(system, 4, seen));
        for (int i = 0; i < 4_000; i++) router.cast(new Work(i));
        sim.runUntilIdle();
        for (int r = 0; r < 4; r++) {
            int n = count(seen, "r" + r);
            assertTrue(n >= 850 && n <= 1_150, "r" + r + " got " + n + " of 4000 (expected 1000 +- 150, about 5.5 "
                    + "standard deviations)");
        }
    }

    @SimulationTest(seeds = 10)
    void consistentHashingIsEvenStickyAndStableWhenRouteesChange(Simulation sim) {
        ActorSystem system = sim.newSystem("hash");
        Map<String, List<Msg>> seen = new ConcurrentHashMap<>();
        List<ActorRef<Msg>> refs = spawn(system, 10, seen);
        Router<Msg> router = Router.of(system, "hash", RoutingStrategy.consistentHash(), refs);
        int keys = 10_000;
        for (int k = 0; k < keys; k++) router.cast(new Keyed("customer-" + k));
        for (int k = 0; k < 1_000; k++) router.castByKey("customer-" + k, new Keyed("customer-" + k)); // again
        sim.runUntilIdle();
        Map<String, String> owner = new HashMap<>();
        for (var e : seen.entrySet()) {
            for (Msg m : e.getValue()) {
                String previous = owner.put(((Keyed) m).key(), e.getKey());
                if (previous != null) assertEquals(previous, e.getKey(), "a key always goes to the same routee");
            }
        }
        assertEquals(keys, owner.size());
        for (int r = 0; r < 10; r++) {
            long owned = owner.values().stream().filter(("r" + r)::equals).count();
            assertTrue(owned >= 700 && owned <= 1_300, "r" + r + " owns " + owned + " of 10000 keys (expected 1000 "
                    + "+- 30% with 160 virtual nodes)");
        }

        // A new routee takes keys only from the others, about a share of them, and no other key moves.
        seen.clear();
        ActorRef<Msg> extra = system.spawn(recorder("r10", seen), SpawnOptions.named("r10"));
        router.add(extra);
        for (int k = 0; k < keys; k++) router.cast(new Keyed("customer-" + k));
        sim.runUntilIdle();
        int moved = 0;
        for (var e : seen.entrySet()) {
            for (Msg m : e.getValue()) {
                String key = ((Keyed) m).key();
                if (!owner.get(key).equals(e.getKey())) {
                    moved++;
                    assertEquals("r10", e.getKey(), "a key that moves, moves to the new routee");
                }
            }
        }
        assertTrue(moved > 500 && moved < 1_500, moved + " keys moved to the 11th routee (expected about 1/11, "
                + "909)");

        // A routee that stops gives its keys to the others; nobody else's keys move.
        seen.clear();
        refs.get(3).stop();
        refs.get(3).termination().join();
        sim.runUntilIdle();
        for (int k = 0; k < keys; k++) router.cast(new Keyed("customer-" + k));
        sim.runUntilIdle();
        for (var e : seen.entrySet()) {
            for (Msg m : e.getValue()) {
                String key = ((Keyed) m).key();
                String before = owner.get(key);
                if (!before.equals("r3") && !e.getKey().equals("r10")) {
                    assertEquals(before, e.getKey(), "only r3's keys move when r3 goes");
                }
            }
        }
        assertEquals(0, count(seen, "r3"));
    }

    @SimulationTest(seeds = 20)
    void smallestMailboxAvoidsABusyRoutee(Simulation sim) {
        ActorSystem system = sim.newSystem("smallest");
        Map<String, List<Msg>> seen = new ConcurrentHashMap<>();
        List<ActorRef<Msg>> refs = spawn(system, 3, seen);
        Router<Msg> router = Router.of(system, "smallest", RoutingStrategy.smallestMailbox(), refs);
        CountDownLatch release = new CountDownLatch(1);
        refs.get(0).cast(new Block(release)); // r0 is stuck in a slow handler
        sim.runUntilIdle();
        for (int i = 0; i < 600; i++) router.cast(new Work(i));
        sim.runUntilIdle();
        int stuck = 600 - count(seen, "r1") - count(seen, "r2");
        // Like Pekko's: an idle routee with an empty mailbox first, then any with an empty mailbox (the stuck one, when
        // the others have a message queued), then the fewest queued. So the stuck routee gets a few, never a queue.
        assertTrue(stuck <= 30, stuck + " of 600 messages went to the stuck routee");
        assertTrue(count(seen, "r1") >= 250 && count(seen, "r2") >= 250, "ties between idle routees are shared: "
                + count(seen, "r1") + " and " + count(seen, "r2"));
        assertTrue(refs.get(0).isAlive());
        release.countDown();
        sim.runUntilIdle();
        assertEquals(stuck, count(seen, "r0"), "the stuck routee handles its few once released");
    }

    @SimulationTest(seeds = 20)
    void aStoppedRouteeLeavesAtOnceAndNothingIsRoutedToIt(Simulation sim) {
        ActorSystem system = sim.newSystem("death");
        Map<String, List<Msg>> seen = new ConcurrentHashMap<>();
        List<ActorRef<Msg>> refs = spawn(system, 3, seen);
        Router<Msg> router = Router.of(system, "death", RoutingStrategy.roundRobin(), refs);
        refs.get(1).kill();
        refs.get(1).termination().join(); // from now on it is never picked (until then, it is alive and may be)
        for (int i = 0; i < 30; i++) router.cast(new Work(i));
        sim.runUntilIdle();
        assertEquals(0, count(seen, "r1"));
        assertEquals(30, count(seen, "r0") + count(seen, "r2"));
        assertEquals(List.of(refs.get(0), refs.get(2)), router.routees());
        assertTrue(system.deadLetters().recent().isEmpty(), "nothing was sent to the dead routee");
    }

    @SimulationTest(seeds = 20)
    void withNoRouteeACastIsADeadLetterAndACallFails(Simulation sim) {
        ActorSystem system = sim.newSystem("empty");
        Router<Msg> router = Router.of(system, "empty", RoutingStrategy.roundRobin(), List.of());
        router.cast(new Work(1));
        DeadLetter letter = system.deadLetters().recent().getLast();
        assertSame(DeadLetter.Reason.NO_ROUTEE, letter.reason());
        assertEquals("router:empty", letter.recipientName());
        NoRouteeException e = assertThrows(NoRouteeException.class, () -> router.<String>call(Ask::new));
        assertTrue(e.getMessage().contains("has no live routee"), e.getMessage());
    }

    @SimulationTest(seeds = 20)
    void aGroupRouterFollowsItsMembers(Simulation sim) {
        ActorSystem system = sim.newSystem("group");
        Group<Msg> workers = Group.of("workers");
        Map<String, List<Msg>> seen = new ConcurrentHashMap<>();
        Router<Msg> router = Router.group(system, workers, RoutingStrategy.roundRobin());
        List<ActorRef<Msg>> refs = spawn(system, 3, seen);
        system.registry().join(workers, refs.get(0));
        system.registry().join(workers, refs.get(1));
        assertEquals(List.of(refs.get(0), refs.get(1)), router.routees());
        for (int i = 0; i < 4; i++) router.cast(new Work(i));
        sim.runUntilIdle();
        system.registry().join(workers, refs.get(2));
        system.registry().leave(workers, refs.get(0));
        refs.get(1).stop();
        refs.get(1).termination().join();
        assertEquals(List.of(refs.get(2)), router.routees());
        for (int i = 0; i < 4; i++) router.cast(new Work(100 + i));
        sim.runUntilIdle();
        assertEquals(2, count(seen, "r0"));
        assertEquals(2, count(seen, "r1"));
        assertEquals(4, count(seen, "r2"));
        assertEquals(Map.of("workers", List.of(refs.get(2).pid())), system.registry().groups());
        assertThrows(UnsupportedOperationException.class, () -> router.add(refs.get(0)));
    }

    @SimulationTest(seeds = 20)
    void aNamedRouterFindsARestartedActorUnderItsName(Simulation sim) {
        ActorSystem system = sim.newSystem("names");
        Name<Msg> a = Name.of("a");
        Name<Msg> b = Name.of("b");
        Supervisor supervisor = Supervisor.start(system, SupervisorSpec.oneForOne()
                .child(ChildSpec.<Msg>worker("a", () -> (ctx, m) -> {
                    if (m instanceof Work(int id) && id < 0) throw new IllegalStateException("crash");
                    if (m instanceof Ask(ReplyTo<String> r)) r.reply("a");
                    return Behaviors.same();
                }).registerAs(a))
                .child(ChildSpec.<Msg>worker("b", () -> recorder("b", new ConcurrentHashMap<>())).registerAs(b)));
        Router<Msg> router = Router.named(system, "ab", RoutingStrategy.roundRobin(), List.of(a, b));
        ActorRef<?> first = system.registry().whereis(a).orElseThrow();
        system.registry().cast(a, new Work(-1));
        first.termination().join();
        sim.runUntilIdle();
        ActorRef<Msg> second = system.registry().whereis(a).orElseThrow();
        assertFalse(second.equals(first));
        assertTrue(router.routees().contains(second), "the router follows the name to the restarted actor");
        assertTrue(supervisor.children().size() == 2);
    }

    @SimulationTest(seeds = 20)
    void aBroadcastReachesEveryRouteeAndABroadcastCallGathersTheReplies(Simulation sim) {
        ActorSystem system = sim.newSystem("broadcast");
        Map<String, List<Msg>> seen = new ConcurrentHashMap<>();
        List<ActorRef<Msg>> refs = spawn(system, 3, seen);
        Router<Msg> router = Router.of(system, "all", RoutingStrategy.broadcast(), refs);
        router.cast(new Work(7));
        sim.runUntilIdle();
        for (int r = 0; r < 3; r++) assertEquals(List.of(new Work(7)), seen.get("r" + r));
        assertEquals(List.of("r0", "r1", "r2"), router.<String>broadcastCall(Ask::new, Duration.ofSeconds(1)));
        String first = router.<String, String>broadcastCall(Ask::new, Duration.ofSeconds(1), Joiner.firstSuccess());
        assertTrue(List.of("r0", "r1", "r2").contains(first));
        assertThrows(IllegalStateException.class, () -> router.<String>call(Ask::new));
    }

    @SimulationTest(seeds = 10)
    void inspectionShowsTheRouterItsRouteesAndTheirLoad(Simulation sim) {
        ActorSystem system = sim.newSystem("inspect");
        Map<String, List<Msg>> seen = new ConcurrentHashMap<>();
        List<ActorRef<Msg>> refs = spawn(system, 2, seen);
        Router<Msg> router = Router.of(system, "shown", RoutingStrategy.roundRobin(), refs);
        CountDownLatch release = new CountDownLatch(1);
        refs.get(0).cast(new Block(release));
        sim.runUntilIdle();
        router.cast(new Work(1));
        router.cast(new Work(2));
        router.cast(new Work(3));
        RouterInfo info = system.inspect().routers().stream().filter(r -> r.name().equals("shown")).findFirst()
                .orElseThrow();
        assertEquals(router.pid(), info.pid());
        assertEquals("RoundRobin", info.strategy());
        assertEquals("fixed", info.source());
        assertEquals(List.of(refs.get(0).pid(), refs.get(1).pid()), info.routees().stream()
                .map(RouterInfo.RouteeInfo::pid).toList());
        assertTrue(info.routees().getFirst().busy());
        assertTrue(info.routees().getFirst().mailboxSize() >= 1, "r0 is blocked with messages queued");
        release.countDown();
        router.close();
        assertTrue(system.inspect().routers().stream().noneMatch(r -> r.name().equals("shown")));
    }
}
