package io.heddle.examples;

import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.CallFailedException;
import io.heddle.CallTimeoutException;
import io.heddle.ExitReason;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Heddle's showcase: an order pipeline in which the payment gateway crashes now and then and is restarted by its
 * supervising parent, while clients on virtual threads keep placing orders.
 *
 * <pre>
 *   clients (virtual threads) --call--> checkout --call--> inventory
 *                                          |
 *                                          +--call--> payments (supervisor) --forwards--> gateway (crashes, restarted)
 * </pre>
 *
 * Run it with {@code ./mvnw -q -pl heddle-examples -am -Pshowcase -DskipTests verify}.
 */
public final class Showcase {

    // ------------------------------------------------------------------ messages

    /** What the inventory understands. */
    sealed interface InventoryMsg permits Reserve {}

    record Reserve(String sku, int quantity, ReplyTo<Boolean> replyTo) implements InventoryMsg {}

    /** What the payment service understands: a charge, or news that its gateway stopped. */
    sealed interface PaymentsMsg permits Charge, GatewayDown {}

    record Charge(int orderId, int cents, ReplyTo<String> replyTo) implements PaymentsMsg {}

    record GatewayDown(ActorRef<Charge> gateway, ExitReason reason) implements PaymentsMsg {}

    /** What the checkout understands. */
    record PlaceOrder(int orderId, String sku, int quantity, int cents, ReplyTo<Outcome> replyTo) {}

    /** The result of one order. */
    sealed interface Outcome permits Paid, OutOfStock, PaymentFailed {}

    record Paid(int orderId, String receipt, int attempts) implements Outcome {}

    record OutOfStock(int orderId, String sku) implements Outcome {}

    record PaymentFailed(int orderId, String why) implements Outcome {}

    /** What happened, for printing and for the showcase's test. */
    public record Report(int orders, int paid, int outOfStock, int failed, int crashes, long deadLetters,
                         List<String> shutdownOrder) {}

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
            }
        }
    }

    /** Functional style: a card processor with a bug that crashes it on every seventh charge. */
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
     * Supervises the gateway by hand: watches its termination and starts a fresh one after a crash; charges that
     * arrive meanwhile fail fast and the checkout retries them. (Heddle's Supervisor, with restart strategies and
     * intensity limits, builds this in.)
     */
    static Behavior<PaymentsMsg> payments(Consumer<String> out, AtomicInteger crashes) {
        return Behaviors.setup(ctx -> {
            AtomicInteger charges = new AtomicInteger();
            var state = new Object() {
                ActorRef<Charge> gateway = startGateway();

                ActorRef<Charge> startGateway() {
                    ActorRef<Charge> g = ctx.spawn(gateway(charges), SpawnOptions.named("gateway"));
                    g.termination().thenAccept(reason -> ctx.self().cast(new GatewayDown(g, reason)));
                    return g;
                }
            };
            var restarts = new Object() {
                /** Restarts the gateway once per crash, whichever of the failed call and the notice comes first. */
                void restart(ActorRef<Charge> down, ExitReason reason) {
                    if (down != state.gateway || !(reason instanceof ExitReason.Error(Throwable cause))) return;
                    crashes.incrementAndGet();
                    state.gateway = state.startGateway();
                    out.accept("  ! " + down + " crashed (" + cause.getMessage() + "); restarted as " + state.gateway);
                }
            };
            return (c, message) -> {
                switch (message) {
                    case Charge charge -> {
                        // Call the gateway and relay: if it crashes mid-charge, this call fails at once and so does
                        // the caller's, who retries. Only this actor waits meanwhile; the others keep running.
                        ActorRef<Charge> gateway = state.gateway;
                        try {
                            charge.replyTo().reply(gateway.call(
                                    r -> new Charge(charge.orderId(), charge.cents(), r), Duration.ofSeconds(1)));
                        } catch (CallTimeoutException e) {
                            charge.replyTo().fail(e);
                        } catch (CallFailedException e) {
                            // The gateway crashed on this charge and is stopping; its crash notice may still be on
                            // its way. Restart it now, so that the checkout's retry finds a gateway.
                            restarts.restart(gateway, gateway.termination().get(1, TimeUnit.SECONDS));
                            charge.replyTo().fail(e);
                        }
                    }
                    case GatewayDown(ActorRef<Charge> down, ExitReason reason) -> restarts.restart(down, reason);
                }
                return Behaviors.same();
            };
        });
    }

    /** Calls the inventory, then the payments service, retrying a charge whose gateway crashed. */
    static Behavior<PlaceOrder> checkout(ActorRef<InventoryMsg> inventory, ActorRef<PaymentsMsg> payments) {
        return (ctx, order) -> {
            boolean reserved = inventory.call(r -> new Reserve(order.sku(), order.quantity(), r));
            if (!reserved) {
                order.replyTo().reply(new OutOfStock(order.orderId(), order.sku()));
                return Behaviors.same();
            }
            String lastError = "";
            for (int attempt = 1; attempt <= 5; attempt++) {
                try {
                    String receipt = payments.call(r -> new Charge(order.orderId(), order.cents(), r),
                            Duration.ofSeconds(2));
                    order.replyTo().reply(new Paid(order.orderId(), receipt, attempt));
                    return Behaviors.same();
                } catch (CallFailedException e) {
                    lastError = e.getClass().getSimpleName() + ": " + e.getCause();
                }
            }
            order.replyTo().reply(new PaymentFailed(order.orderId(), lastError));
            return Behaviors.same();
        };
    }

    // ------------------------------------------------------------------ the run

    public static void main(String[] args) throws Exception {
        run(System.out::println);
    }

    /** Runs the showcase, printing what happens to {@code out}, and returns a summary. */
    public static Report run(Consumer<String> out) throws InterruptedException {
        out.accept("Heddle showcase: an order pipeline whose payment gateway crashes and is restarted");
        AtomicInteger crashes = new AtomicInteger();
        ConcurrentLinkedQueue<String> shutdownOrder = new ConcurrentLinkedQueue<>();
        List<Outcome> outcomes = new ArrayList<>();
        long deadLetters;
        long started = System.nanoTime();
        try (ActorSystem system = ActorSystem.create("showcase")) {
            ActorRef<InventoryMsg> inventory = system.start(noteStop(new Inventory(), "inventory", shutdownOrder),
                    SpawnOptions.named("inventory"));
            ActorRef<PaymentsMsg> payments = system.start(noteStop(payments(out, crashes), "payments",
                    shutdownOrder), SpawnOptions.named("payments"));
            ActorRef<PlaceOrder> checkout = system.start(noteStop(checkout(inventory, payments), "checkout",
                    shutdownOrder), SpawnOptions.named("checkout"));
            out.accept("  started " + inventory + ", " + payments + ", " + checkout);

            // Four clients on virtual threads place 24 orders between them; each waits for its outcome.
            String[] skus = {"tea", "cups", "kettle"};
            List<Thread> clients = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                int first = client * 6 + 1;
                clients.add(Thread.ofVirtual().name("client-" + client).start(() -> {
                    for (int id = first; id < first + 6; id++) {
                        int orderId = id;
                        Outcome outcome = checkout.call(r -> new PlaceOrder(orderId, skus[orderId % 3], 1,
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
            deadLetters = system.deadLetters().count();
        }
        long paid = outcomes.stream().filter(o -> o instanceof Paid).count();
        long outOfStock = outcomes.stream().filter(o -> o instanceof OutOfStock).count();
        long failed = outcomes.stream().filter(o -> o instanceof PaymentFailed).count();
        Report report = new Report(outcomes.size(), (int) paid, (int) outOfStock, (int) failed, crashes.get(),
                deadLetters, List.copyOf(shutdownOrder));
        out.accept(String.format("Summary: %d orders: %d paid, %d out of stock, %d failed; the gateway crashed %d "
                        + "times and was restarted each time; %d dead letters.", report.orders(), report.paid(),
                report.outOfStock(), report.failed(), report.crashes(), report.deadLetters()));
        out.accept("Shutdown stopped " + String.join(", ", report.shutdownOrder())
                + " (reverse start order); total run " + (System.nanoTime() - started) / 1_000_000 + " ms.");
        return report;
    }

    /** Wraps {@code behavior} so that the actor notes its name in {@code stops} as it stops, on its own thread. */
    private static <M> Behavior<M> noteStop(Behavior<M> behavior, String name, Collection<String> stops) {
        return Behaviors.setup(ctx -> {
            ctx.onTerminate(reason -> stops.add(name));

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
