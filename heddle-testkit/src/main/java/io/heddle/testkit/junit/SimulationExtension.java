package io.heddle.testkit.junit;

import io.heddle.testkit.Simulation;
import io.heddle.testkit.SimulationFailure;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs {@link SimulationTest} methods: one invocation per seed, each with a fresh {@link Simulation} as its parameter
 * and its body run inside it. Seeds are produced lazily, so the first failure stops the exploration.
 */
public final class SimulationExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(SimulationTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        SimulationTest settings = method.getAnnotation(SimulationTest.class);
        String replay = System.getProperty(Simulation.SEED_PROPERTY);
        long first;
        int count;
        if (replay != null && !replay.isBlank()) {
            first = Long.parseLong(replay.strip());
            count = 1;
        } else {
            first = settings.seed() != SimulationTest.RANDOM ? settings.seed()
                    : ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
            count = Math.max(1, settings.seeds());
            if (settings.seed() == SimulationTest.RANDOM) {
                context.publishReportEntry("heddle.sim.firstSeed", Long.toString(first));
            }
        }
        AtomicBoolean failed = new AtomicBoolean();
        Iterator<TestTemplateInvocationContext> seeds = new Iterator<>() {
            private long next = first;

            @Override
            public boolean hasNext() {
                return !failed.get() && next < first + count;
            }

            @Override
            public TestTemplateInvocationContext next() {
                if (!hasNext()) throw new NoSuchElementException();
                return new SeedContext(next++, settings.strict(), failed);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(seeds, Spliterator.ORDERED), false);
    }

    /** One invocation: a seed, the simulation as parameter, the body run inside it. */
    private record SeedContext(long seed, boolean strict, AtomicBoolean failed) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "seed " + seed;
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            Simulation base = Simulation.withSeed(seed);
            Simulation simulation = strict ? base : base.lenient();
            return List.of(new Resolver(simulation), new Runner(simulation, failed));
        }
    }

    private record Resolver(Simulation simulation) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Simulation.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return simulation;
        }
    }

    private record Runner(Simulation simulation, AtomicBoolean failed) implements InvocationInterceptor {
        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                                ReflectiveInvocationContext<Method> invocationContext,
                                                ExtensionContext extensionContext) {
            try {
                simulation.run(sim -> {
                    try {
                        invocation.proceed();
                    } catch (Exception | Error e) {
                        throw e;
                    } catch (Throwable t) {
                        throw new IllegalStateException(t);
                    }
                });
            } catch (SimulationFailure failure) {
                failed.set(true);
                throw failure;
            }
        }
    }
}
