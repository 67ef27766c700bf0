package io.heddle.examples;

import io.heddle.Actor;
import io.heddle.ActorContext;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.CallFailedException;
import io.heddle.Down;
import io.heddle.ExitReason;
import io.heddle.MonitorRef;
import io.heddle.Name;
import io.heddle.Registry;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.supervision.ChildInfo;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.ChildType;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorCommand;
import io.heddle.supervision.SupervisorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Heddle's showcase: an order pipeline under a supervision tree, in which the payment gateway crashes now and then and
 * its supervisor restarts it, while clients on virtual threads keep placing orders.
 *
 * <pre>
 *   shop (supervisor, one for one)
 *    +-- inventory            registered as "inventory"
 *    +-- payments (supervisor, one for one)
 *    |    +-- gateway         registered as "gateway"; crashes on every seventh charge
 *    +-- checkout             registered as "checkout"; clients call it by name
 * </pre>
 *
 * Run it with {@code ./mvnw -q -pl heddle-examples -am -Pshowcase -DskipTests verify}; add
 * {@code -Dshowcase.args=--dashboard} to keep it running with the dashboard on.
 */
public final class Showcase {

    // ------------------------------------------------------------------ messages and names

    /** What the inventory understands. */
    sealed interface InventoryMsg permits Reserve, Restock {}

    record Reserve(String sku, int quantity, ReplyTo<Boolean> replyTo) implements InventoryMsg {}

    /** A delivery: adds {@code quantity} of {@code sku} to the stock. */
    record Restock(String sku, int quantity) implements InventoryMsg {}

    /** What the payment gateway understands. */
    record Charge(int orderId, int cents, ReplyTo<String> replyTo) {}

    /** What the checkout understands: orders, and the down notice of a gateway that crashed on one. */
    sealed interface CheckoutMsg permits PlaceOrder, GatewayDown {}

    record PlaceOrder(int orderId, String sku, int quantity, int cents, ReplyTo<Outcome> replyTo)
            implements CheckoutMsg {}

    record GatewayDown(Down down) implements CheckoutMsg {}

    /** The result of one order. */
    sealed interface Outcome permits Paid, OutOfStock, PaymentFailed {}

    record Paid(int orderId, String receipt, int attempts) implements Outcome {}

    record OutOfStock(int orderId, String sku) implements Outcome {}

    record PaymentFailed(int orderId, String why) implements Outcome {}

    static final Name<InventoryMsg> INVENTORY = Name.of("inventory");
    static final Name<Charge> GATEWAY = Name.of("gateway");
    static final Name<CheckoutMsg> CHECKOUT = Name.of("checkout");
    static final Name<SupervisorCommand> PAYMENTS = Name.of("payments");

    /** What happened, for printing and for the showcase's test. */
    public record Report(int orders, int paid, int outOfStock, int failed, int crashes, int gatewayRestarts,
                         long deadLetters, List<String> shutdownOrder) {}

    // ------------------------------------------------------------------ actors

    /** Class style: mutable state, one message at a time. */
    static final class Inventory extends Actor<InventoryMsg> {
        private final Map<String, Integer> stock = new HashMap<>(Map.of("tea", 12, "cups", 5, "kettle", 2));

        @Override
        protected void handle(InventoryMsg message) {
            switch (message) {
                case Reserve(String sku, int quantity, ReplyTo<Boolean> replyTo) -> {
                    int left = stock.getOrDefault(sku, 0);
                    boolean ok = left >= quantity;
                    if (ok) stock.put(sku, left - quantity);
                    replyTo.reply(ok);
                }
                case Restock(String sku, int quantity) -> stock.merge(sku, quantity, Integer::sum);
            }
        }
    }

    /** Functional style: a card processor with a bug that crashes it on every seventh charge, across restarts. */
    static Behavior<Charge> gateway(AtomicInteger charges) {
        return (ctx, charge) -> {
            if (charges.incrementAndGet() % 7 == 0) {
                throw new IllegalStateException("card processor timed out on order " + charge.orderId());
            }
            charge.replyTo().reply("R-" + charge.orderId() + "-" + charge.cents());
            return Behaviors.same();
        };
    }

    /**
     * Reserves stock, then charges the gateway, found by its registered name. If the gateway crashes on the charge,
     * the checkout monitors it, waits for its down notice with a selective receive, asks the payments supervisor
     * (which by then has restarted it) and tries again. Only the checkout waits meanwhile; the others keep running.
     */
    static Behavior<CheckoutMsg> checkout(Registry registry, Consumer<String> out, AtomicInteger crashes) {
        return (ctx, message) -> {
            if (!(message instanceof PlaceOrder order)) return Behaviors.same(); // a late down notice: nothing to do
            boolean reserved = registry.call(INVENTORY, r -> new Reserve(order.sku(), order.quantity(), r));
            if (!reserved) {
                order.replyTo().reply(new OutOfStock(order.orderId(), order.sku()));
                return Behaviors.same();
            }
            String lastError = "";
            for (int attempt = 1; attempt <= 5; attempt++) {
                Optional<ActorRef<Charge>> gateway = registry.whereis(GATEWAY);
                if (gateway.isEmpty()) {
                    payments(registry).children(); // answered once the supervisor has dealt with the exit
                    continue;
                }
                try {
                    String receipt = gateway.get().call(r -> new Charge(order.orderId(), order.cents(), r),
                            Duration.ofSeconds(2));
                    order.replyTo().reply(new Paid(order.orderId(), receipt, attempt));
                    return Behaviors.same();
                } catch (CallFailedException e) {
                    lastError = e.getClass().getSimpleName() + ": " + e.getCause();
                    crashes.incrementAndGet();
                    awaitReplacement(ctx, gateway.get(), payments(registry), e, out);
                }
            }
            order.replyTo().reply(new PaymentFailed(order.orderId(), lastError));
            return Behaviors.same();
        };
    }

    private static Supervisor payments(Registry registry) {
        return Supervisor.of(registry.whereis(PAYMENTS).orElseThrow());
    }

    /** Waits until {@code crashed} is down and its supervisor has handled that, then reports the new incarnation. */
    private static void awaitReplacement(ActorContext<CheckoutMsg> ctx, ActorRef<Charge> crashed,
                                         Supervisor payments, CallFailedException failure, Consumer<String> out) {
        MonitorRef monitor = ctx.monitor(crashed, GatewayDown::new);
        ctx.receive(m -> m instanceof GatewayDown(Down d) && d.monitor().equals(monitor), Duration.ofSeconds(5));
        String replacement = payments.children().stream().filter(c -> c.id().equals("gateway"))
                .map(c -> String.valueOf(c.actor())).findFirst().orElse("nothing");
        out.accept("  ! " + crashed + " crashed (" + failure.getCause().getMessage() + "); the payments supervisor "
                + "restarted it as " + replacement);
    }

    // ------------------------------------------------------------------ the run

    /** Runs the showcase once; with {@code --dashboard}, runs it live with the dashboard on (see {@link LiveShowcase}). */
    public static void main(String[] args) throws Exception {
        // Maven passes -Dshowcase.args as one argument: split it into words.
        String joined = String.join(" ", args).strip();
        String[] words = joined.isEmpty() ? new String[0] : joined.split("\\s+");
        if (List.of(words).contains("--dashboard")) {
            LiveShowcase.main(words);
        } else {
            run(System.out::println);
        }
    }

    /** Runs the showcase, printing what happens to {@code out}, and returns a summary. */
    public static Report run(Consumer<String> out) throws InterruptedException {
        out.accept("Heddle showcase: an order pipeline under a supervision tree; the payment gateway crashes and is "
                + "restarted");
        AtomicInteger crashes = new AtomicInteger();
        ConcurrentLinkedQueue<String> shutdownOrder = new ConcurrentLinkedQueue<>();
        List<Outcome> outcomes = new ArrayList<>();
        long deadLetters;
        int gatewayRestarts;
        long started = System.nanoTime();
        try (ActorSystem system = ActorSystem.create("showcase")) {
            Registry registry = system.registry();
            Supervisor shop = startShop(system, out, crashes, shutdownOrder);
            out.accept("  started " + describe(shop));

            // Four clients on virtual threads place 24 orders between them; each waits for its outcome.
            String[] skus = {"tea", "cups", "kettle"};
            List<Thread> clients = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                int first = client * 6 + 1;
                clients.add(Thread.ofVirtual().name("client-" + client).start(() -> {
                    for (int id = first; id < first + 6; id++) {
                        int orderId = id;
                        Outcome outcome = registry.call(CHECKOUT, r -> new PlaceOrder(orderId, skus[orderId % 3], 1,
                                100 * orderId, r));
                        synchronized (outcomes) {
                            outcomes.add(outcome);
                        }
                    }
                }));
            }
            for (Thread client : clients) client.join();

            outcomes.sort((a, b) -> Integer.compare(orderId(a), orderId(b)));
            for (Outcome outcome : outcomes) out.accept("  " + describe(outcome));
            Supervisor paymentsSupervisor = payments(registry);
            gatewayRestarts = paymentsSupervisor.children().getFirst().restarts();
            out.accept("  supervision tree now: " + describe(shop) + "; health " + shop.health());
            deadLetters = system.deadLetters().count();
        }
        long paid = outcomes.stream().filter(o -> o instanceof Paid).count();
        long outOfStock = outcomes.stream().filter(o -> o instanceof OutOfStock).count();
        long failed = outcomes.stream().filter(o -> o instanceof PaymentFailed).count();
        Report report = new Report(outcomes.size(), (int) paid, (int) outOfStock, (int) failed, crashes.get(),
                gatewayRestarts, deadLetters, List.copyOf(shutdownOrder));
        out.accept(String.format("Summary: %d orders: %d paid, %d out of stock, %d failed; the gateway crashed %d "
                        + "times and its supervisor restarted it %d times; %d dead letters.", report.orders(),
                report.paid(), report.outOfStock(), report.failed(), report.crashes(), report.gatewayRestarts(),
                report.deadLetters()));
        out.accept("Shutdown stopped " + String.join(", ", report.shutdownOrder())
                + " (each supervisor stops its children newest first); total run " + (System.nanoTime() - started) / 1_000_000 + " ms.");
        return report;
    }

    /**
     * Starts the shop's supervision tree in {@code system}; {@code crashes} counts the gateway crashes the checkout
     * saw, {@code shutdownOrder} receives each actor's name as shutdown stops it.
     */
    static Supervisor startShop(ActorSystem system, Consumer<String> out, AtomicInteger crashes,
                                Collection<String> shutdownOrder) {
        return startShop(system, out, crashes, shutdownOrder, SupervisorSpec.oneForOne());
    }

    /** Like {@link #startShop(ActorSystem, Consumer, AtomicInteger, Collection)}, the payments supervisor from a spec. */
    static Supervisor startShop(ActorSystem system, Consumer<String> out, AtomicInteger crashes,
                                Collection<String> shutdownOrder, SupervisorSpec payments) {
        Registry registry = system.registry();
        AtomicInteger charges = new AtomicInteger();
        SupervisorSpec paymentsSpec = payments
                .child(ChildSpec.worker("gateway", () -> noteStop(gateway(charges), "gateway", shutdownOrder))
                        .registerAs(GATEWAY));
        ChildSpec<SupervisorCommand> paymentsChild = ChildSpec.supervisor("payments", paymentsSpec)
                .registerAs(PAYMENTS);
        return Supervisor.start(system, SupervisorSpec.oneForOne()
                .child(ChildSpec.worker("inventory", () -> noteStop(new Inventory(), "inventory", shutdownOrder))
                        .registerAs(INVENTORY))
                .child(paymentsChild)
                .child(ChildSpec.worker("checkout", () -> noteStop(checkout(registry, out, crashes), "checkout",
                                shutdownOrder))
                        .registerAs(CHECKOUT)), SpawnOptions.named("shop"));
    }

    /** One line per supervisor: its children with their pids and restart counts, nested supervisors inside. */
    private static String describe(Supervisor supervisor) {
        List<String> parts = new ArrayList<>();
        for (ChildInfo child : supervisor.children()) {
            if (child.type() == ChildType.SUPERVISOR && child.actor() != null) {
                @SuppressWarnings("unchecked")
                ActorRef<SupervisorCommand> nested = (ActorRef<SupervisorCommand>) child.actor();
                parts.add(describe(Supervisor.of(nested)));
            } else {
                parts.add(child.id() + (child.actor() == null ? "" : child.actor().pid().toString())
                        + (child.restarts() > 0 ? " (restarted " + child.restarts() + "x)" : ""));
            }
        }
        return supervisor.ref() + "[" + String.join(", ", parts) + "]";
    }

    /** Wraps {@code behavior} so that the actor notes its name in {@code stops} when it is shut down. */
    private static <M> Behavior<M> noteStop(Behavior<M> behavior, String name, Collection<String> stops) {
        return Behaviors.setup(ctx -> {
            ctx.onTerminate(reason -> {
                if (reason instanceof ExitReason.Shutdown) stops.add(name);
            });
            return behavior;
        });
    }

    private static int orderId(Outcome outcome) {
        return switch (outcome) {
            case Paid p -> p.orderId();
            case OutOfStock o -> o.orderId();
            case PaymentFailed f -> f.orderId();
        };
    }

    private static String describe(Outcome outcome) {
        return switch (outcome) {
            case Paid(int id, String receipt, int attempts) -> String.format("order %2d paid, receipt %s%s", id,
                    receipt, attempts > 1 ? " (after " + attempts + " attempts: the gateway crashed mid-charge)" : "");
            case OutOfStock(int id, String sku) -> String.format("order %2d rejected: %s is out of stock", id, sku);
            case PaymentFailed(int id, String why) -> String.format("order %2d payment failed: %s", id, why);
        };
    }

    private Showcase() {}
}
