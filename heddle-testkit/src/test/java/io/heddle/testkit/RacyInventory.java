package io.heddle.testkit;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.ReplyTo;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately racy program: two buyers each check the stock of the last item, then take it. Each message is
 * handled atomically, but check-then-take spans two messages, so under some interleavings both buyers take the one
 * item and the stock goes negative. The simulation finds such an interleaving by exploring seeds, and replays it.
 */
public final class RacyInventory {

    sealed interface StockMsg permits Available, Take {}

    record Available(ReplyTo<Integer> replyTo) implements StockMsg {}

    record Take(ReplyTo<Integer> replyTo) implements StockMsg {}

    static Behavior<StockMsg> stock(int count) {
        return (ctx, msg) -> switch (msg) {
            case Available(ReplyTo<Integer> replyTo) -> {
                replyTo.reply(count);
                yield Behaviors.same();
            }
            case Take(ReplyTo<Integer> replyTo) -> {
                replyTo.reply(count - 1);
                yield stock(count - 1);
            }
        };
    }

    /** Runs the scenario in {@code sim}; throws if the stock went negative. */
    static void scenario(Simulation sim) throws Exception {
        ActorSystem system = sim.newSystem("shop");
        ActorRef<StockMsg> stock = system.spawn(stock(1));
        List<Thread> buyers = new ArrayList<>();
        int[] left = new int[2];
        for (int i = 0; i < 2; i++) {
            int buyer = i;
            buyers.add(Thread.ofVirtual().name("buyer-" + i).start(() -> {
                int available = stock.call(Available::new);
                if (available > 0) left[buyer] = stock.call(Take::new); // the race: the check is stale by now
                else left[buyer] = available;
            }));
        }
        for (Thread t : buyers) t.join();
        int lowest = Math.min(left[0], left[1]);
        if (lowest < 0) throw new IllegalStateException("oversold: the stock went to " + lowest);
    }

    /**
     * Replays one seed in this JVM and prints "outcome=... hash=...": what {@code RacyInventoryTest} checks in a fresh
     * JVM. Usage: {@code RacyInventory <seed>}.
     */
    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        Simulation sim = Simulation.withSeed(seed);
        String outcome;
        long hash;
        try {
            sim.run(RacyInventory::scenario);
            outcome = "passed";
            hash = sim.traceHash();
        } catch (SimulationFailure failure) {
            outcome = "failed: " + failure.getCause().getMessage();
            hash = failure.traceHash();
        }
        System.out.println("outcome=" + outcome + " hash=" + hash);
    }

    private RacyInventory() {}
}
