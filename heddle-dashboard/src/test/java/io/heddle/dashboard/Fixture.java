package io.heddle.dashboard;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Behaviors;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorSpec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The system the HTTP and browser tests look at: a supervisor {@code root} with one child, {@code worker}, that
 * crashes on the message {@code "crash"} and answers {@code "pong"} to a call; and a dashboard of it on a free port of
 * 127.0.0.1, refreshed every 100 ms. Closing closes both.
 */
final class Fixture implements AutoCloseable {

    /** Crashes on "crash", answers a call with "pong", ignores anything else. */
    static final ChildSpec<Object> WORKER = ChildSpec.worker("worker", () -> (ctx, message) -> {
        if ("crash".equals(message)) throw new IllegalStateException("crash requested by the test");
        if (message instanceof ReplyTo<?> reply) ((ReplyTo<Object>) reply).reply("pong");
        return Behaviors.same();
    });

    final ActorSystem system;
    final Supervisor supervisor;
    final Dashboard dashboard;

    private Fixture(ActorSystem system, DashboardOptions options) {
        this.system = system;
        try {
            this.supervisor = Supervisor.start(system, SupervisorSpec.oneForOne().child(WORKER)
                    .restartIntensity(100, Duration.ofSeconds(10)), SpawnOptions.named("root"));
            this.dashboard = Dashboard.start(system, options);
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** The fixture, not instrumented. */
    static Fixture start(String name) {
        return start(ActorSystemConfig.defaults(name));
    }

    /** The fixture on a system created from {@code config}. */
    static Fixture start(ActorSystemConfig config) {
        return new Fixture(ActorSystem.create(config), options());
    }

    /** Port 0 on the loopback address, refreshed every 100 ms. */
    static DashboardOptions options() {
        return DashboardOptions.defaults().port(0).refreshInterval(Duration.ofMillis(100));
    }

    /** The worker's current incarnation. */
    ActorRef<Object> worker() {
        return supervisor.child(WORKER).orElseThrow();
    }

    /** Asks the worker for "pong": proof that it is alive and handling messages. */
    String ping() {
        return worker().call(ReplyTo.class::cast, Duration.ofSeconds(5)).toString();
    }

    @Override
    public void close() {
        dashboard.close();
        system.close();
    }

    /** Polls {@code condition} (no sleeping: it yields) until it holds, for up to 10 s. */
    static void eventually(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not within 10 s: " + what);
            Thread.yield();
        }
    }
}
