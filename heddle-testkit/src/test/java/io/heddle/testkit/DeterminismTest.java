package io.heddle.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.Backend;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Same seed, same schedule; another seed, another schedule; and a race found by exploring seeds, replayed. */
@Timeout(120)
class DeterminismTest {

    sealed interface NodeMsg permits Peers, Hop, Count, Tick {}

    record Peers(List<ActorRef<NodeMsg>> peers) implements NodeMsg {}

    record Hop(int ttl) implements NodeMsg {}

    record Count(ReplyTo<Integer> replyTo) implements NodeMsg {}

    record Tick() implements NodeMsg {}

    /** A node forwards hops to pseudo-random peers, counts what it sees, and ticks on a timer. */
    static Behavior<NodeMsg> node(long seed) {
        return Behaviors.setup(ctx -> {
            Random random = new Random(seed);
            ctx.sendInterval(new Tick(), Duration.ofMillis(10));
            List<ActorRef<NodeMsg>> peers = new ArrayList<>();
            int[] seen = {0};
            return (c, msg) -> {
                switch (msg) {
                    case Peers(List<ActorRef<NodeMsg>> p) -> peers.addAll(p);
                    case Hop(int ttl) -> {
                        seen[0]++;
                        if (ttl > 0) peers.get(random.nextInt(peers.size())).cast(new Hop(ttl - 1));
                    }
                    case Count(ReplyTo<Integer> replyTo) -> replyTo.reply(seen[0]);
                    case Tick t -> seen[0]++;
                }
                return Behaviors.same();
            };
        });
    }

    /** A busy system: 12 nodes (some on their own threads), hops, calls from three client threads, timers. */
    static int busy(Simulation sim) throws Exception {
        ActorSystem system = sim.newSystem("busy");
        List<ActorRef<NodeMsg>> nodes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Backend backend = i % 4 == 3 ? Backend.virtualThread() : Backend.dispatcher();
            nodes.add(system.spawn(node(i), SpawnOptions.named("node-" + i).backend(backend)));
        }
        for (ActorRef<NodeMsg> n : nodes) n.cast(new Peers(nodes));
        List<Thread> clients = new ArrayList<>();
        int[] total = new int[3];
        for (int c = 0; c < 3; c++) {
            int client = c;
            clients.add(Thread.ofVirtual().name("client-" + c).start(() -> {
                for (int k = 0; k < 20; k++) {
                    ActorRef<NodeMsg> target = nodes.get((client * 7 + k * 5) % nodes.size());
                    target.cast(new Hop(5));
                    int count = target.call(Count::new);
                    total[client] += count;
                }
            }));
        }
        for (Thread t : clients) t.join();
        sim.advance(Duration.ofSeconds(1));
        int sum = 0;
        for (ActorRef<NodeMsg> n : nodes) {
            int count = n.call(Count::new);
            sum += count;
        }
        return sum;
    }

    private static Simulation run(long seed, int[] result) {
        Simulation sim = Simulation.withSeed(seed);
        sim.run(s -> result[0] = busy(s));
        return sim;
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndADifferentSeedAnother() {
        int[] first = new int[1];
        int[] second = new int[1];
        int[] other = new int[1];
        Simulation a = run(7, first);
        Simulation b = run(7, second);
        Simulation c = run(8, other);
        assertTrue(a.steps() > 1_000, "a busy run: " + a.steps() + " steps");
        assertEquals(a.trace(), b.trace(), "seed 7 twice: the full schedule");
        assertEquals(a.traceHash(), b.traceHash());
        assertEquals(first[0], second[0]);
        assertNotEquals(a.traceHash(), c.traceHash(), "seed 8 schedules differently");
        // Every node ticked 100 times in the one virtual second, whatever the seed; hops add to it.
        assertTrue(first[0] >= 12 * 100, "ticks counted: " + first[0]);
    }

    @Test
    void explorationFindsTheRaceAndAFreshJvmReplaysItFromTheSeed() throws Exception {
        int failing = 0;
        for (long seed = 1; seed <= 50; seed++) {
            try {
                Simulation.withSeed(seed).run(RacyInventory::scenario);
            } catch (SimulationFailure f) {
                failing++;
            }
        }
        assertTrue(failing > 0 && failing < 50, "the race shows under some seeds, not all: " + failing + " of 50");

        Optional<SimulationFailure> found = Simulation.explore(1, 1_000, RacyInventory::scenario);
        assertTrue(found.isPresent(), "1,000 seeds should hit the check-then-take race");
        SimulationFailure failure = found.get();
        assertTrue(failure.getMessage().contains("seed " + failure.seed()), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Dheddle.sim.seed=" + failure.seed()), failure.getMessage());
        assertTrue(failure.getCause().getMessage().startsWith("oversold"), failure.getCause().toString());

        // Replayed here, the seed fails the same way, with the same schedule.
        SimulationFailure again = null;
        try {
            Simulation.withSeed(failure.seed()).run(RacyInventory::scenario);
        } catch (SimulationFailure f) {
            again = f;
        }
        assertTrue(again != null, "the failing seed fails again");
        assertEquals(failure.traceHash(), again.traceHash());

        // Replayed in a fresh JVM, too.
        String out = replayInFreshJvm(failure.seed());
        assertEquals("outcome=failed: " + failure.getCause().getMessage() + " hash=" + failure.traceHash(), out);
    }

    private static String replayInFreshJvm(long seed) throws IOException, InterruptedException {
        List<String> path = new ArrayList<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) path.add(value);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file"),
                "-cp", String.join(File.pathSeparator, path), RacyInventory.class.getName(),
                Long.toString(seed))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the replay JVM finished");
        assertEquals(0, process.exitValue(), output);
        String[] lines = output.split("\n");
        return lines[lines.length - 1];
    }
}
