package io.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.ReplyTo;
import io.heddle.testkit.Simulation;
import io.heddle.testkit.junit.SimulationTest;
import java.util.ArrayList;
import java.util.List;

/** The JUnit example of docs/testing.md: the fixed shop, explored under many seeds. */
class TestingGuideTest {

    record TakeIfAvailable(ReplyTo<Boolean> replyTo) {}

    /** Checks and takes in one message: atomic, so no interleaving oversells. */
    static Behavior<TakeIfAvailable> stock(int count) {
        return (ctx, take) -> {
            take.replyTo().reply(count > 0);
            return count > 0 ? stock(count - 1) : Behaviors.same();
        };
    }

    @SimulationTest(seeds = 200)                // 200 seeds, from a random first one
    void theAtomicVersionNeverOversells(Simulation sim) throws Exception {
        ActorSystem system = sim.newSystem("shop");
        ActorRef<TakeIfAvailable> stock = system.spawn(stock(1));
        boolean[] got = new boolean[2];
        List<Thread> buyers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int buyer = i;
            buyers.add(Thread.ofVirtual().start(() -> got[buyer] = stock.call(TakeIfAvailable::new)));
        }
        for (Thread buyer : buyers) buyer.join();
        assertEquals(1, (got[0] ? 1 : 0) + (got[1] ? 1 : 0), "exactly one buyer gets the last item");
    }
}
