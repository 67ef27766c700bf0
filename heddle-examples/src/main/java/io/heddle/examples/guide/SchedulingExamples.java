package io.heddle.examples.guide;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.CallDeadlockException;
import io.heddle.CallFailedException;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.scheduling.BlockedWorker;
import io.heddle.scheduling.CallChain;
import io.heddle.scheduling.ReadOnly;
import io.heddle.scheduling.Reentrancy;
import io.heddle.scheduling.Scheduling;
import io.heddle.scheduling.SchedulingEvent;
import io.heddle.scheduling.SlowHandler;
import io.heddle.scheduling.TimeoutAction;
import io.heddle.scheduling.Watchdog;
import io.heddle.task.Task;
import io.heddle.testkit.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The examples of docs/scheduling.md, each runnable; SchedulingExamplesTest runs them. All but the watchdog's run in a
 * simulation, so that slow handlers take virtual time; the same code runs unchanged in a real system.
 */
public final class SchedulingExamples {

    private SchedulingExamples() {}

    // --- Throughput ------------------------------------------------------------------------------------------------

    /**
     * One worker; a busy actor with 2,000 messages queued behind a held first one; a neighbour sent one message.
     * Returns how many busy messages ran before the neighbour's.
     */
    public static int neighbourWaits(int busyThroughput) {
        AtomicReference<Integer> result = new AtomicReference<>();
        Simulation.withSeed(5).run(sim -> {
            ActorSystem system = sim.newSystem(ActorSystemConfig.defaults("fair").parallelism(1));
            int[] busyHandled = {0};
            Behavior<Object> ingest = (ctx, m) -> {
                if (m instanceof CountDownLatch hold) hold.await();
                else busyHandled[0]++;
                return Behaviors.same();
            };
            ActorRef<Object> busy = system.spawn(ingest, SpawnOptions.named("ingest")
                    .mailbox(io.heddle.Mailbox.unbounded())
                    .scheduling(Scheduling.defaults().throughput(busyThroughput)));
            ActorRef<String> ticker = system.spawn((ctx, tick) -> {
                result.set(busyHandled[0]);
                return Behaviors.same();
            }, SpawnOptions.named("ticker"));
            CountDownLatch hold = new CountDownLatch(1);
            busy.cast(hold);
            sim.runUntilIdle();
            for (int i = 0; i < 2_000; i++) busy.cast(i);
            ticker.cast("tick");
            hold.countDown();
            sim.runUntilIdle();
        });
        return result.get();
    }

    // --- Handler timeouts ------------------------------------------------------------------------------------------

    sealed interface QuoteMsg permits GetQuote {}

    /** Asks for a price; the supplier takes {@code millis} (virtual) to answer. */
    record GetQuote(long millis, ReplyTo<Integer> replyTo) implements QuoteMsg {}

    static Behavior<QuoteMsg> quotes() {
        return (ctx, msg) -> {
            switch (msg) {
                case GetQuote(long millis, ReplyTo<Integer> replyTo) -> {
                    Task.sleep(Duration.ofMillis(millis));   // a slow supplier
                    replyTo.reply(42);
                }
            }
            return Behaviors.same();
        };
    }

    public static List<String> handlerTimeouts() {
        List<String> seen = new ArrayList<>();
        Simulation.withSeed(1).run(sim -> {
            ActorSystem system = sim.newSystem("quotes");
            List<SlowHandler> slow = new CopyOnWriteArrayList<>();
            var scheduling = Scheduling.defaults()
                    .handlerTimeout(Duration.ofMillis(500), TimeoutAction.CANCEL)
                    .onSlowHandler(slow::add);
            ActorRef<QuoteMsg> quotes = system.spawn(quotes(), SpawnOptions.named("quotes").scheduling(scheduling));

            int fast = quotes.call(r -> new GetQuote(100, r));
            seen.add("fast: " + fast);
            try {
                int never = quotes.call(r -> new GetQuote(10_000, r));   // cut off after 500 ms
                seen.add("unexpected: " + never);
            } catch (CallFailedException e) {
                seen.add(e.getCause().getClass().getSimpleName() + " after " + sim.elapsed().toMillis() + " ms");
            }
            int again = quotes.call(r -> new GetQuote(100, r));
            seen.add("still serving: " + again);
            seen.add("hook: " + slow.getFirst().messageType().getSimpleName() + " " + slow.getFirst().action());
        });
        return seen;
    }

    // --- Reentrancy ------------------------------------------------------------------------------------------------

    sealed interface BookMsg permits Reserve, Confirm {}

    /** To the booking actor: reserve a seat, which asks payments, which calls back to confirm the price. */
    record Reserve(ReplyTo<String> replyTo) implements BookMsg {}

    /** From payments, back to booking. */
    record Confirm(ReplyTo<Integer> replyTo) implements BookMsg {}

    record Charge(ActorRef<BookMsg> booking, ReplyTo<String> replyTo) {}

    static Behavior<BookMsg> booking(AtomicReference<ActorRef<Charge>> payments) {
        return (ctx, msg) -> {
            switch (msg) {
                case Reserve(ReplyTo<String> replyTo) ->
                        replyTo.reply(payments.get().call(r -> new Charge(ctx.self(), r)));
                case Confirm(ReplyTo<Integer> replyTo) -> replyTo.reply(120);
            }
            return Behaviors.same();
        };
    }

    static Behavior<Charge> payments() {
        return (ctx, charge) -> {
            int price = charge.booking().call(Confirm::new);   // calls back into the actor that called it
            charge.replyTo().reply("charged " + price + " in " + CallChain.current().orElseThrow());
            return Behaviors.same();
        };
    }

    public static List<String> reentrancy() {
        List<String> seen = new ArrayList<>();
        for (Reentrancy mode : List.of(Reentrancy.NONE, Reentrancy.CALL_CHAIN)) {
            Simulation.withSeed(2).run(sim -> {
                ActorSystem system = sim.newSystem("booking");
                AtomicReference<ActorRef<Charge>> payments = new AtomicReference<>();
                ActorRef<BookMsg> booking = system.spawn(booking(payments),
                        SpawnOptions.named("booking").scheduling(Scheduling.defaults().reentrancy(mode)));
                payments.set(system.spawn(payments(), SpawnOptions.named("payments")));
                try {
                    seen.add(mode + ": " + booking.call(Reserve::new));
                } catch (CallFailedException e) {
                    Throwable cause = e;
                    while (!(cause instanceof CallDeadlockException)) cause = cause.getCause();
                    seen.add(mode + ": " + cause.getMessage().substring(0, cause.getMessage().indexOf(". Each")));
                }
            });
        }
        return seen;
    }

    // --- Read-only handlers ----------------------------------------------------------------------------------------

    sealed interface CatalogMsg permits Lookup, Update {}

    record Lookup(String sku, ReplyTo<Integer> replyTo) implements CatalogMsg, ReadOnly {}

    record Update(String sku, int price) implements CatalogMsg {}

    public static String readOnly() {
        AtomicReference<String> result = new AtomicReference<>();
        Simulation.withSeed(3).run(sim -> {
            ActorSystem system = sim.newSystem("catalog");
            java.util.Map<String, Integer> prices = new java.util.HashMap<>(java.util.Map.of("tea", 3));
            Behavior<CatalogMsg> catalog = (ctx, msg) -> {
                switch (msg) {
                    case Lookup(String sku, ReplyTo<Integer> replyTo) -> {
                        Task.sleep(Duration.ofMillis(50));           // a slow read, say from a cold cache
                        replyTo.reply(prices.get(sku));
                    }
                    case Update(String sku, int price) -> {
                        Task.sleep(Duration.ofMillis(10));           // a write takes 10 ms; reads queue behind it
                        prices.put(sku, price);
                    }
                }
                return Behaviors.same();
            };
            ActorRef<CatalogMsg> ref = system.spawn(catalog, SpawnOptions.named("catalog")
                    .scheduling(Scheduling.defaults().concurrentReads(16)));
            List<CompletableFuture<Integer>> reads = new ArrayList<>();
            ref.cast(new Update("tea", 4));
            for (int i = 0; i < 10; i++) reads.add(ref.callAsync(r -> new Lookup("tea", r), Duration.ofSeconds(1)));
            sim.runUntilIdle();
            while (sim.advanceToNextTimer()) sim.runUntilIdle();
            int sum = reads.stream().mapToInt(CompletableFuture::join).sum();
            result.set(reads.size() + " lookups of 50 ms, prices summing to " + sum + ", answered after "
                    + sim.elapsed().toMillis() + " ms");
        });
        return result.get();
    }

    // --- Urgent messages -------------------------------------------------------------------------------------------

    public static List<String> urgent() {
        List<String> order = new CopyOnWriteArrayList<>();
        Simulation.withSeed(4).run(sim -> {
            ActorSystem system = sim.newSystem("urgent");
            CountDownLatch busy = new CountDownLatch(1);
            ActorRef<String> worker = system.spawn((ctx, job) -> {
                if (job.equals("long job")) busy.await();
                order.add(job);
                return Behaviors.same();
            });
            worker.cast("long job");
            sim.runUntilIdle();
            worker.cast("job 1");
            worker.cast("job 2");
            worker.castUrgent("cancel job 2");   // overtakes job 1 and job 2
            busy.countDown();
            sim.runUntilIdle();
        });
        return order;
    }

    // --- The watchdog ----------------------------------------------------------------------------------------------

    /** Runs on real carriers: a handler blocked where Heddle cannot see holds its worker, and is reported. */
    public static String watchdog() throws InterruptedException {
        LinkedBlockingQueue<SchedulingEvent> events = new LinkedBlockingQueue<>();
        CountDownLatch release = new CountDownLatch(1);
        var config = ActorSystemConfig.defaults("watched")
                .watchdog(Watchdog.defaults().blockedThreshold(Duration.ofMillis(50)))
                .schedulingListener(event -> {
                    events.add(event);                                  // forward to your alerting
                    ActorSystemConfig.LOG_SCHEDULING_EVENTS.accept(event); // and keep the log line
                });
        try (ActorSystem system = ActorSystem.create(config)) {
            ActorRef<String> legacy = system.spawn((ctx, m) -> {
                release.await();   // a JDK wait Heddle cannot see: it holds the worker
                return Behaviors.same();
            }, SpawnOptions.named("legacy-client"));
            legacy.cast("query");
            for (;;) {
                SchedulingEvent event = events.poll(10, TimeUnit.SECONDS);
                if (event == null) return "no event";
                if (event instanceof BlockedWorker blocked) {
                    release.countDown();
                    return blocked.actor() + " held its worker, thread " + blocked.state();
                }
            }
        } finally {
            release.countDown();
        }
    }
}
