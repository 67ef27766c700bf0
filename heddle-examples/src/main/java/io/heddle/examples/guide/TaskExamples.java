package io.heddle.examples.guide;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.CallTimeoutException;
import io.heddle.ReplyTo;
import io.heddle.task.CancellationScope;
import io.heddle.task.CancelledException;
import io.heddle.task.Joiner;
import io.heddle.task.Outcome;
import io.heddle.task.Task;
import io.heddle.task.TaskGroup;
import io.heddle.task.YieldBudget;
import io.heddle.testkit.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The examples of docs/structured-concurrency.md, each runnable; TaskExamplesTest runs them. They run in a simulation
 * so that their "slow" work takes virtual time: the same code runs unchanged in a real system.
 */
public final class TaskExamples {

    private TaskExamples() {}

    /** Pretends to fetch a price from a supplier, taking {@code ms} of (virtual) time. */
    static int quote(String supplier, long ms) {
        Task.sleep(Duration.ofMillis(ms));
        if (supplier.equals("broken")) throw new IllegalStateException(supplier + " is down");
        return supplier.length() * 10;
    }

    // --- A group ---------------------------------------------------------------------------------------------------

    public static List<Integer> allQuotes() {
        List<Integer> result = new ArrayList<>();
        Simulation.withSeed(1).run(sim -> {
            ActorSystem system = sim.newSystem("quotes");
            try (TaskGroup<Integer> group = TaskGroup.open(system)) {
                group.spawn(() -> quote("acme", 30));
                group.spawn(() -> quote("globex", 10));
                group.spawn(() -> quote("initech", 20));
                List<Integer> quotes = group.join();          // all values, in spawn order, or the first failure
                result.addAll(quotes);                         // [40, 60, 70], after 30 ms
            }                                                  // leaving the block: nothing is left running
        });
        return result;
    }

    // --- Joiners ---------------------------------------------------------------------------------------------------

    public static List<String> joiners() {
        List<String> seen = new ArrayList<>();
        Simulation.withSeed(2).run(sim -> {
            ActorSystem system = sim.newSystem("quotes");
            try (TaskGroup<Integer> group = TaskGroup.open(system)) {
                group.spawn(() -> quote("broken", 5));
                group.spawn(() -> quote("globex", 10));
                group.spawn(() -> quote("initech", 500));
                int fastest = group.join(Joiner.firstSuccess());     // 60; the 500 ms one is cancelled
                seen.add("first success " + fastest + " at " + sim.elapsed().toMillis() + " ms");
            }
            try (TaskGroup<Integer> group = TaskGroup.open(system)) {
                for (String s : List.of("a", "bb", "broken", "cccc")) group.spawn(() -> quote(s, 10));
                List<Integer> two = group.join(Joiner.quorum(2));    // the first two successes
                seen.add("quorum " + two.size());
            }
            try (TaskGroup<Integer> group = TaskGroup.open(system)) {
                group.spawn(() -> quote("acme", 10));
                group.spawn(() -> quote("broken", 10));
                for (Outcome<Integer> outcome : group.join(Joiner.allCompleted())) {
                    seen.add(switch (outcome) {
                        case Outcome.Success<Integer>(Task<Integer> t, Integer value) -> "value " + value;
                        case Outcome.Failure<Integer>(Task<Integer> t, Throwable cause) -> "failed: "
                                + cause.getMessage();
                        case Outcome.Cancelled<Integer>(Task<Integer> t, String reason) -> "cancelled";
                    });
                }
            }
        });
        return seen;
    }

    // --- Cancellation scopes -----------------------------------------------------------------------------------------

    public static List<String> shieldedCleanup() {
        List<String> log = new ArrayList<>();
        Simulation.withSeed(3).run(sim -> {
            ActorSystem system = sim.newSystem("scopes");
            Task<Void> worker = Task.spawn(system, () -> {
                CancellationScope scope = CancellationScope.current();
                YieldBudget budget = YieldBudget.every(100);
                try {
                    for (int batch = 0; ; batch++) {
                        scope.checkpoint();                               // raises once cancelled
                        Task.sleep(Duration.ofMillis(10));                 // one batch of work
                        budget.tick();
                    }
                } finally {
                    scope.shield(s -> {                                   // cleanup runs to the end
                        Task.sleep(Duration.ofMillis(50));
                        log.add("progress saved at " + sim.elapsed().toMillis() + " ms");
                        return null;
                    });
                }
            });
            sim.schedule(Duration.ofMillis(95), worker::cancel);
            try {
                worker.join();
            } catch (CancelledException e) {
                log.add("worker cancelled");
            }
        });
        return log;                          // [progress saved at 145 ms, worker cancelled]: cancelled at 95 ms
    }

    // --- Deadlines through calls ---------------------------------------------------------------------------------------

    sealed interface InventoryMsg permits Reserve {}

    record Reserve(String sku, ReplyTo<Boolean> replyTo) implements InventoryMsg {}

    /** An inventory that asks a warehouse, which is slow today. */
    static Behavior<InventoryMsg> inventory(ActorRef<Reserve> warehouse) {
        return (ctx, msg) -> switch (msg) {
            case Reserve(String sku, ReplyTo<Boolean> replyTo) -> {
                try {
                    boolean ok = warehouse.call(r -> new Reserve(sku, r));  // bounded by the caller's deadline
                    replyTo.reply(ok);
                } catch (CallTimeoutException e) {
                    replyTo.fail(e);
                }
                yield Behaviors.same();
            }
        };
    }

    public static String deadlines() {
        String[] result = new String[1];
        Simulation.withSeed(4).run(sim -> {
            ActorSystem system = sim.newSystem("deadlines");
            ActorRef<Reserve> warehouse = system.spawn((ctx, reserve) -> {
                Task.sleep(Duration.ofSeconds(2));                          // slow
                reserve.replyTo().reply(true);
                return Behaviors.same();
            });
            ActorRef<InventoryMsg> inventory = system.spawn(inventory(warehouse));
            try {
                boolean reserved = CancellationScope.withDeadline(system, Duration.ofMillis(300), scope ->
                        inventory.<Boolean>call(r -> new Reserve("tea", r)));
                result[0] = "reserved: " + reserved;
            } catch (CallTimeoutException e) {
                result[0] = "gave up after " + sim.elapsed().toMillis() + " ms";  // 300 ms, not 5 s
            }
        });
        return result[0];
    }
}
