package io.heddle.examples.guide;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.Down;
import io.heddle.ExitReason;
import io.heddle.ExitSignal;
import io.heddle.Health;
import io.heddle.MonitorRef;
import io.heddle.Name;
import io.heddle.ReplyTo;
import io.heddle.supervision.Backoff;
import io.heddle.supervision.ChildInfo;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.DynamicSupervisor;
import io.heddle.supervision.DynamicSupervisorSpec;
import io.heddle.supervision.Restart;
import io.heddle.supervision.Shutdown;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The examples of docs/supervision.md, each runnable; SupervisionExamplesTest runs them and checks their results. */
public final class SupervisionExamples {

    private SupervisionExamples() {}

    // --- Links and trapping exits ---------------------------------------------------------------------------------

    sealed interface ManagerMsg permits Work, WorkerExited {}

    record Work(String job) implements ManagerMsg {}

    record WorkerExited(ExitSignal signal) implements ManagerMsg {}

    /** A manager that spawns a linked worker and hears of its exit as a message. */
    public static String linkedWorker() throws Exception {
        CompletableFuture<String> heard = new CompletableFuture<>();
        try (ActorSystem system = ActorSystem.create("links")) {
            system.spawn(Behaviors.<ManagerMsg>setup(ctx -> {
                ctx.trapExits(WorkerExited::new);               // exits of linked actors arrive as messages
                ActorRef<String> worker = ctx.spawnLink((c, job) -> {
                    throw new IllegalStateException("cannot do " + job);
                });
                worker.cast("the dishes");
                return (c, msg) -> {
                    if (msg instanceof WorkerExited(ExitSignal(ActorRef<?> from, ExitReason reason))) {
                        heard.complete(from + " exited: " + reason);
                    }
                    return Behaviors.same();
                };
            }));
            return heard.get(10, TimeUnit.SECONDS);
        }
    }

    // --- Monitors -------------------------------------------------------------------------------------------------

    sealed interface WatcherMsg permits Gone {}

    record Gone(Down down) implements WatcherMsg {}

    public static ExitReason monitorAWorker() throws Exception {
        CompletableFuture<ExitReason> seen = new CompletableFuture<>();
        try (ActorSystem system = ActorSystem.create("monitors")) {
            ActorRef<String> worker = system.spawn((ctx, msg) -> Behaviors.same());
            system.start(Behaviors.<WatcherMsg>setup(ctx -> {
                ctx.monitor(worker, Gone::new);              // start returns once setup has run
                return (c, msg) -> switch (msg) {
                    case Gone(Down(MonitorRef monitor, ActorRef<?> who, ExitReason reason)) -> {
                        seen.complete(reason);
                        yield Behaviors.same();
                    }
                };
            }));
            worker.stop();
            return seen.get(10, TimeUnit.SECONDS);           // ExitReason.SHUTDOWN
        }
    }

    // --- The registry ---------------------------------------------------------------------------------------------

    sealed interface GreeterMsg permits Greet {}

    record Greet(String who, ReplyTo<String> replyTo) implements GreeterMsg {}

    static final Name<GreeterMsg> GREETER = Name.of("greeter");

    static Behavior<GreeterMsg> greeter() {
        return (ctx, msg) -> switch (msg) {
            case Greet(String who, ReplyTo<String> replyTo) -> {
                replyTo.reply("hello, " + who);
                yield Behaviors.same();
            }
        };
    }

    public static String registry() {
        try (ActorSystem system = ActorSystem.create("registry")) {
            system.registry().register(GREETER, system.spawn(greeter()));
            String greeting = system.registry().call(GREETER, r -> new Greet("Ada", r));
            return greeting;                                   // "hello, Ada"
        }
    }

    // --- A supervision tree ---------------------------------------------------------------------------------------

    sealed interface CounterMsg permits Increment, Total, Fail {}

    record Increment() implements CounterMsg {}

    record Total(ReplyTo<Integer> replyTo) implements CounterMsg {}

    record Fail() implements CounterMsg {}

    /** Counts; a crash loses the count, because a restart begins from the factory's initial state. */
    static final class Counter extends Actor<CounterMsg> {
        private int total;

        @Override
        protected void handle(CounterMsg message) {
            switch (message) {
                case Increment i -> total++;
                case Total(ReplyTo<Integer> replyTo) -> replyTo.reply(total);
                case Fail f -> throw new IllegalStateException("simulated bug");
            }
        }
    }

    static final Name<CounterMsg> COUNTER = Name.of("counter");

    public static List<Integer> supervisedCounter() throws Exception {
        List<Integer> totals = new ArrayList<>();
        try (ActorSystem system = ActorSystem.create("tree")) {
            SupervisorSpec spec = SupervisorSpec.oneForOne()
                    .restartIntensity(3, Duration.ofSeconds(5))        // the default: 3 restarts in 5 s
                    .child(ChildSpec.worker("counter", Counter::new)  // a new Counter on every (re)start
                            .registerAs(COUNTER)
                            .shutdown(Shutdown.timeout(Duration.ofSeconds(2))));
            Supervisor root = Supervisor.start(system, spec);

            system.registry().cast(COUNTER, new Increment());
            system.registry().cast(COUNTER, new Increment());
            int before = system.registry().call(COUNTER, Total::new);
            totals.add(before);                               // 2

            ActorRef<?> first = root.child("counter").orElseThrow();
            system.registry().cast(COUNTER, new Fail());      // the counter crashes; its supervisor restarts it
            first.termination().get(10, TimeUnit.SECONDS);
            ChildInfo child = root.children().getFirst();     // answered after the restart
            totals.add(child.restarts());                     // 1
            int after = system.registry().call(COUNTER, Total::new);
            totals.add(after);                                // 0: a fresh incarnation
            return totals;
        }
    }

    /** A child that crashes in a loop is restarted after 100 ms, 200 ms, 400 ms... up to 10 s, each +-20%. */
    public static ChildSpec<CounterMsg> withBackoff() {
        return ChildSpec.worker("counter", Counter::new)
                .backoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(10)));
    }

    // --- Dynamic supervisors --------------------------------------------------------------------------------------

    public static int sessions() {
        try (ActorSystem system = ActorSystem.create("sessions")) {
            DynamicSupervisor sessions = DynamicSupervisor.start(system,
                    DynamicSupervisorSpec.defaults().maxChildren(1_000));
            for (String user : List.of("ada", "grace", "edsger")) {
                sessions.startChild(ChildSpec.worker("session-" + user, () -> greeter())
                        .restart(Restart.TRANSIENT));
            }
            ActorRef<?> first = sessions.children().getFirst().actor();
            sessions.terminateChild(first);
            return sessions.count();                          // 2
        }
    }

    // --- Health ---------------------------------------------------------------------------------------------------

    sealed interface ReplicaMsg permits Degrade, Ping {}

    record Degrade(String why) implements ReplicaMsg {}

    record Ping(ReplyTo<String> replyTo) implements ReplicaMsg {}

    static Behavior<ReplicaMsg> replica() {
        return (ctx, msg) -> {
            switch (msg) {
                case Degrade(String why) -> ctx.reportHealth(Health.degraded(why));
                case Ping(ReplyTo<String> replyTo) -> replyTo.reply("pong");
            }
            return Behaviors.same();
        };
    }

    public static List<Health> redundancy() {
        List<Health> seen = new ArrayList<>();
        try (ActorSystem system = ActorSystem.create("health")) {
            SupervisorSpec spec = SupervisorSpec.oneForOne().minHealthy(2);
            for (int i = 1; i <= 3; i++) spec = spec.child(ChildSpec.worker("replica-" + i, () -> replica()));
            Supervisor group = Supervisor.start(system, spec);
            seen.add(group.health());                                       // healthy
            degrade(group, "replica-1", "disk full");
            seen.add(group.health());                                       // healthy: 2 of 3 meet the minimum
            degrade(group, "replica-2", "disk full");
            seen.add(group.health());                                       // degraded: 1 of 3
            return seen;
        }
    }

    @SuppressWarnings("unchecked")
    private static void degrade(Supervisor group, String id, String why) {
        ActorRef<ReplicaMsg> replica = (ActorRef<ReplicaMsg>) group.child(id).orElseThrow();
        replica.cast(new Degrade(why));
        replica.call(Ping::new);                  // handled after the report, so the report has been made
    }
}
