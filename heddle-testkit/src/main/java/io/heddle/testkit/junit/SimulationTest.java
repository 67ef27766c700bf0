package io.heddle.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method inside a {@link io.heddle.testkit.Simulation}, once or under many seeds. The method takes the
 * simulation as a parameter:
 *
 * {@snippet :
 * @SimulationTest(seeds = 1_000)
 * void transfersNeverLoseMoney(Simulation sim) {
 *     ActorSystem system = sim.newSystem("bank");
 *     // ...
 * }
 * }
 *
 * <p>Seeds: {@link #seed()} if set, otherwise a random first seed, printed; with {@link #seeds()} greater than 1, the
 * seeds that follow it, stopping at the first failure. Every failure names its seed, and the system property
 * {@code heddle.sim.seed} replays exactly that one: {@code -Dheddle.sim.seed=1234}.
 *
 * <p>{@code @BeforeEach} and {@code @AfterEach} methods run outside the simulation, on the test thread.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(SimulationExtension.class)
public @interface SimulationTest {

    /** The value of {@link #seed()} that means "pick one at random". */
    long RANDOM = Long.MIN_VALUE;

    /** The first seed; random by default. */
    long seed() default RANDOM;

    /** How many seeds to try, from the first on; the first failure ends the exploration. Default 1. */
    int seeds() default 1;

    /** Whether a real-time wait fails the run (true, the default) or is waited for. */
    boolean strict() default true;
}
