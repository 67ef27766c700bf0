package io.heddle.bench.savina;

import io.heddle.bench.Bench;
import io.heddle.bench.Workload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Savina's chameneos: a mall actor pairs up {@value #CREATURES} chameneos creatures for {@value #MEETINGS} meetings.
 * Each creature asks the mall for a meeting (with its colour); the mall holds the first creature that asks and, when a
 * second asks, tells the first about the second. The first takes the complementary colour, tells the second, and both
 * ask the mall again: four messages per meeting, two of them into the mall. Once the meetings are used up the mall
 * tells every creature that asks to leave; each reports how many meetings it had and stops. The score is nanoseconds
 * per meeting; the creatures' meeting counts must add up to twice the meetings.
 *
 * <p>Each run spawns a fresh mall, which spawns the creatures as its children and stops once they have all reported.
 * {@link Color} is shared by the implementations. JDK baseline: the mall and each creature are
 * {@link io.heddle.bench.JdkActor}s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = Bench.UNSAFE_ALLOW)
public class Chameneos {

    /** Creatures in the mall. */
    public static final int CREATURES = 100;

    /** Meetings per benchmark invocation. */
    public static final int MEETINGS = 20_000;

    /** The creatures' colours, and the colour two creatures take when they meet. */
    enum Color {
        BLUE, RED, YELLOW;

        /** The colour after a meeting with {@code other}: the same if both agree, otherwise the third colour. */
        Color complement(Color other) {
            if (this == other) return this;
            for (Color c : values()) {
                if (c != this && c != other) return c;
            }
            throw new AssertionError();
        }

        /** The starting colour of creature {@code index}. */
        static Color initial(int index) {
            return values()[index % 3];
        }
    }

    /** Which implementation to run. */
    @Param({"heddle", "pekko", "jdk"})
    public String impl;

    private Workload workload;

    /** Builds the workload for {@code impl} with {@code creatures} creatures (at least 2). */
    public static Workload create(String impl, int creatures) throws Exception {
        if (creatures < 2) throw new IllegalArgumentException("chameneos needs at least 2 creatures");
        return switch (impl) {
            case "heddle" -> new ChameneosHeddle(creatures);
            case "pekko" -> new ChameneosPekko(creatures);
            case "jdk" -> new ChameneosJdk(creatures);
            default -> throw Bench.unknown(impl);
        };
    }

    @Setup
    public void setUp() throws Exception {
        workload = create(impl, CREATURES);
    }

    @TearDown
    public void tearDown() {
        workload.close();
    }

    @Benchmark
    @OperationsPerInvocation(MEETINGS)
    public long meeting() throws Exception {
        return workload.run(MEETINGS);
    }
}
