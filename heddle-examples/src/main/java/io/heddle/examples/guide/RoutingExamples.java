package io.heddle.examples.guide;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.DeadLetter;
import io.heddle.Group;
import io.heddle.Mailbox;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.routing.HashKey;
import io.heddle.routing.NoRouteeException;
import io.heddle.routing.Pool;
import io.heddle.routing.PoolSpec;
import io.heddle.routing.Resizer;
import io.heddle.routing.Router;
import io.heddle.routing.RoutingStrategy;
import io.heddle.task.Joiner;
import io.heddle.task.Task;
import io.heddle.testkit.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The examples of docs/routing.md, each runnable; RoutingExamplesTest runs them. They run in a simulation, so that
 * slow work takes virtual time and the outcome is the same on every run; the same code runs unchanged in a real
 * system.
 */
public final class RoutingExamples {

    private RoutingExamples() {}

    // --- Routers over actors you own -------------------------------------------------------------------------------

    sealed interface QuoteMsg permits Refresh, GetQuote {}

    record Refresh() implements QuoteMsg {}

    record GetQuote(String symbol, ReplyTo<String> replyTo) implements QuoteMsg {}

    /** A quote server that counts its refreshes and answers with its own name. */
    static Behavior<QuoteMsg> quoter(Map<String, Integer> refreshes) {
        return (ctx, msg) -> {
            String me = ctx.self().name().orElseThrow();
            switch (msg) {
                case Refresh r -> refreshes.merge(me, 1, Integer::sum);
                case GetQuote(String symbol, ReplyTo<String> replyTo) -> replyTo.reply(symbol + " from " + me);
            }
            return Behaviors.same();
        };
    }

    /** Twelve refreshes through a round-robin router over three quoters; returns how many each got, then a call. */
    public static List<String> roundRobin() {
        List<String> seen = new ArrayList<>();
        Simulation.withSeed(1).run(sim -> {
            ActorSystem system = sim.newSystem("quotes");
            Map<String, Integer> refreshes = new TreeMap<>();
            List<ActorRef<QuoteMsg>> quoters = List.of(
                    system.spawn(quoter(refreshes), SpawnOptions.named("q1")),
                    system.spawn(quoter(refreshes), SpawnOptions.named("q2")),
                    system.spawn(quoter(refreshes), SpawnOptions.named("q3")));

            Router<QuoteMsg> quotes = Router.of(system, "quotes", RoutingStrategy.roundRobin(), quoters);
            for (int i = 0; i < 12; i++) quotes.cast(new Refresh());
            String price = quotes.call(r -> new GetQuote("ACME", r));

            sim.runUntilIdle();
            seen.add(refreshes.toString());
            seen.add(price);
        });
        return seen;
    }

    // --- Consistent hashing ----------------------------------------------------------------------------------------

    sealed interface CartMsg permits AddToCart, CartSize {}

    /** Routed by customer: every message of one customer reaches the same worker, which keeps that cart. */
    record AddToCart(String customer, String sku) implements CartMsg, HashKey {
        @Override
        public Object hashKey() {
            return customer;
        }
    }

    record CartSize(String customer, ReplyTo<String> replyTo) implements CartMsg {}

    /** A worker holding the carts of the customers hashed to it. A restart starts with empty carts. */
    static Behavior<CartMsg> carts() {
        Map<String, List<String>> carts = new ConcurrentHashMap<>();
        return (ctx, msg) -> {
            switch (msg) {
                case AddToCart(String customer, String sku) ->
                        carts.computeIfAbsent(customer, c -> new ArrayList<>()).add(sku);
                case CartSize(String customer, ReplyTo<String> replyTo) -> replyTo.reply(customer + " has "
                        + carts.getOrDefault(customer, List.of()).size() + " items at "
                        + ctx.self().name().orElseThrow());
            }
            return Behaviors.same();
        };
    }

    /** Three customers add items through a consistent-hash pool; each cart is whole, on one worker. */
    public static List<String> consistentHashing() {
        List<String> seen = new ArrayList<>();
        Simulation.withSeed(2).run(sim -> {
            ActorSystem system = sim.newSystem("shop");
            Pool<CartMsg> carts = Pool.start(system, PoolSpec.of("carts", 4, RoutingExamples::carts)
                    .strategy(RoutingStrategy.consistentHash()));

            for (String customer : List.of("alice", "bob", "carol")) {
                for (int i = 0; i < 3; i++) carts.cast(new AddToCart(customer, "sku-" + i));
            }
            for (String customer : List.of("alice", "bob", "carol")) {
                String size = carts.callByKey(customer, r -> new CartSize(customer, r), Duration.ofSeconds(1));
                seen.add(size);
            }
        });
        return seen;
    }

    // --- Smallest mailbox ------------------------------------------------------------------------------------------

    /** A worker that takes {@code millis} of (virtual) time per job and counts its jobs. */
    static Behavior<Integer> worker(long millis, Map<String, Integer> handled) {
        return (ctx, job) -> {
            Task.sleep(Duration.ofMillis(millis));
            handled.merge(ctx.self().name().orElseThrow(), 1, Integer::sum);
            return Behaviors.same();
        };
    }

    /**
     * A fast worker (10 ms a job) and a slow one (100 ms), fed one job every 20 ms for two seconds. Returns how many
     * jobs each handled with {@code strategy}.
     */
    public static Map<String, Integer> jobsPerWorker(RoutingStrategy strategy) {
        Map<String, Integer> handled = new TreeMap<>();
        Simulation.withSeed(3).run(sim -> {
            ActorSystem system = sim.newSystem("jobs");
            SpawnOptions unbounded = SpawnOptions.defaults().mailbox(Mailbox.unbounded());
            List<ActorRef<Integer>> workers = List.of(
                    system.spawn(worker(10, handled), unbounded.name("fast")),
                    system.spawn(worker(100, handled), unbounded.name("slow")));
            Router<Integer> jobs = Router.of(system, "jobs", strategy, workers);
            for (int i = 0; i < 100; i++) {
                jobs.cast(i);
                sim.advance(Duration.ofMillis(20));
            }
            sim.advance(Duration.ofSeconds(10));   // let the slow worker finish what it was given
        });
        return handled;
    }

    // --- Broadcast -------------------------------------------------------------------------------------------------

    sealed interface ReplicaMsg permits Version {}

    record Version(ReplyTo<Integer> replyTo) implements ReplicaMsg {}

    static Behavior<ReplicaMsg> replica(int version, long millis) {
        return (ctx, msg) -> {
            switch (msg) {
                case Version(ReplyTo<Integer> replyTo) -> {
                    Task.sleep(Duration.ofMillis(millis));
                    replyTo.reply(version);
                }
            }
            return Behaviors.same();
        };
    }

    /** Asks three replicas for their version: all of them, then the first two to answer (a quorum). */
    public static List<String> broadcast() {
        List<String> seen = new ArrayList<>();
        Simulation.withSeed(4).run(sim -> {
            ActorSystem system = sim.newSystem("replicas");
            List<ActorRef<ReplicaMsg>> replicas = List.of(
                    system.spawn(replica(7, 30), SpawnOptions.named("r1")),
                    system.spawn(replica(7, 10), SpawnOptions.named("r2")),
                    system.spawn(replica(6, 500), SpawnOptions.named("r3")));
            Router<ReplicaMsg> all = Router.of(system, "replicas", RoutingStrategy.broadcast(), replicas);

            List<Integer> versions = all.broadcastCall(Version::new, Duration.ofSeconds(1));
            seen.add("all: " + versions + " after " + sim.elapsed().toMillis() + " ms");

            Duration start = sim.elapsed();
            List<Integer> quorum = all.broadcastCall(Version::new, Duration.ofSeconds(1), Joiner.quorum(2));
            seen.add("quorum: " + quorum + " after " + sim.elapsed().minus(start).toMillis() + " ms");
        });
        return seen;
    }

    // --- Groups ----------------------------------------------------------------------------------------------------

    static final Group<QuoteMsg> QUOTERS = Group.of("quoters");

    /** A router over a registry group follows the members as they join and stop. */
    public static List<String> groups() {
        List<String> seen = new ArrayList<>();
        Simulation.withSeed(5).run(sim -> {
            ActorSystem system = sim.newSystem("groups");
            Map<String, Integer> refreshes = new TreeMap<>();
            Router<QuoteMsg> quoters = Router.group(system, QUOTERS, RoutingStrategy.roundRobin());

            ActorRef<QuoteMsg> q1 = system.spawn(quoter(refreshes), SpawnOptions.named("q1"));
            ActorRef<QuoteMsg> q2 = system.spawn(quoter(refreshes), SpawnOptions.named("q2"));
            system.registry().join(QUOTERS, q1);
            system.registry().join(QUOTERS, q2);
            seen.add("routees: " + quoters.routees().size());

            q1.stop();
            q1.termination().join();
            String quote = quoters.call(r -> new GetQuote("ACME", r));
            seen.add("after q1 stopped: " + quote);
        });
        return seen;
    }

    // --- No routee -------------------------------------------------------------------------------------------------

    /** What a call and a cast through a router with no live routee do. */
    public static List<String> noRoutee() {
        List<String> seen = new ArrayList<>();
        Simulation.withSeed(6).run(sim -> {
            ActorSystem system = sim.newSystem("empty");
            Router<QuoteMsg> quotes = Router.group(system, QUOTERS, RoutingStrategy.roundRobin());
            try {
                String never = quotes.call(r -> new GetQuote("ACME", r));
                seen.add("unexpected: " + never);
            } catch (NoRouteeException e) {
                seen.add(e.getMessage());
            }
            quotes.cast(new Refresh());
            DeadLetter dead = system.deadLetters().recent().getLast();
            seen.add(dead.reason() + ": " + dead.message().getClass().getSimpleName());
        });
        return seen;
    }

    // --- Pools and resizing ----------------------------------------------------------------------------------------

    /**
     * A pool of 2 to 8 image resizers (200 ms a job) gets a burst of 100 jobs. Returns its size over time and that
     * every job was done exactly once.
     */
    public static List<String> resizing() {
        List<String> seen = new ArrayList<>();
        Simulation.withSeed(7).run(sim -> {
            ActorSystem system = sim.newSystem("images");
            Map<Integer, AtomicInteger> done = new ConcurrentHashMap<>();
            Behavior<Integer> resizer = (ctx, image) -> {
                Task.sleep(Duration.ofMillis(200));
                done.computeIfAbsent(image, k -> new AtomicInteger()).incrementAndGet();
                return Behaviors.same();
            };

            Pool<Integer> pool = Pool.start(system, PoolSpec.of("resizers", 2, () -> resizer)
                    .size(2, 8)
                    .resizer(Resizer.defaults().growAt(5).shrinkAfter(Duration.ofSeconds(2)))
                    .workerOptions(SpawnOptions.defaults().mailbox(Mailbox.unbounded())));
            seen.add("start: " + pool.size());

            for (int image = 0; image < 100; image++) pool.cast(image);
            int largest = 0;
            while (done.size() < 100) {
                sim.advance(Duration.ofMillis(100));
                largest = Math.max(largest, pool.size());
            }
            seen.add("largest: " + largest);
            sim.advance(Duration.ofSeconds(30));
            seen.add("idle: " + pool.size());
            seen.add("each job done once: " + (done.size() == 100
                    && done.values().stream().allMatch(n -> n.get() == 1)));
        });
        return seen;
    }

    /** A worker crashes with jobs queued; the pool restarts it under the same name, and no job is lost. */
    public static List<String> crashInPool() {
        List<String> seen = new ArrayList<>();
        Simulation.withSeed(8).run(sim -> {
            ActorSystem system = sim.newSystem("crashing");
            Map<Integer, AtomicInteger> done = new ConcurrentHashMap<>();
            AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(1));
            Behavior<Integer> worker = (ctx, job) -> {
                if (job < 0) {
                    gate.get().await();   // hold the worker so that jobs queue behind the crash
                    throw new IllegalStateException("bad job " + job);
                }
                done.computeIfAbsent(job, k -> new AtomicInteger()).incrementAndGet();
                return Behaviors.same();
            };
            Pool<Integer> pool = Pool.start(system, PoolSpec.of("workers", 3, () -> worker)
                    .workerOptions(SpawnOptions.defaults().mailbox(Mailbox.unbounded())));

            ActorRef<Integer> victim = pool.workers().get(1);
            victim.cast(-1);
            for (int job = 0; job < 10; job++) victim.cast(job);    // queued behind the crash
            for (int job = 10; job < 60; job++) pool.cast(job);
            gate.get().countDown();
            victim.termination().join();
            sim.runUntilIdle();

            ActorRef<Integer> restarted = pool.workers().get(1);
            seen.add(victim.name().orElseThrow() + " restarted as " + restarted.name().orElseThrow()
                    + ", new pid: " + !victim.pid().equals(restarted.pid()));
            seen.add("jobs done: " + done.size() + ", each once: "
                    + done.values().stream().allMatch(n -> n.get() == 1));
        });
        return seen;
    }
}
