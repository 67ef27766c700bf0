package io.heddle.examples;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.Mailbox;
import io.heddle.Registry;
import io.heddle.SpawnOptions;
import io.heddle.dashboard.Dashboard;
import io.heddle.dashboard.DashboardOptions;
import io.heddle.examples.Showcase.Outcome;
import io.heddle.examples.Showcase.Paid;
import io.heddle.examples.Showcase.PlaceOrder;
import io.heddle.examples.Showcase.Restock;
import io.heddle.routing.Pool;
import io.heddle.routing.PoolSpec;
import io.heddle.routing.Resizer;
import io.heddle.routing.RoutingStrategy;
import io.heddle.supervision.SupervisorSpec;
import io.heddle.task.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The showcase kept running, with the dashboard on: the shop of {@link Showcase}, plus a resizing pool of packers that
 * pack paid orders, an audit log whose small dropping mailbox overflows in bursts, and a delivery that restocks the
 * inventory. Clients keep placing orders until the time is up or the process is stopped (Ctrl-C), and the gateway
 * keeps crashing on every seventh charge, so the page shows restarts, dead letters and a pool resizing.
 *
 * <pre>
 *   ./mvnw -q -pl heddle-examples -am -Pshowcase -DskipTests verify -Dshowcase.args=--dashboard
 * </pre>
 *
 * Options: {@code --port N} (default 8642; 0 for any free port), {@code --seconds N} (default: until stopped).
 */
public final class LiveShowcase implements AutoCloseable {

    /** What the packers understand: pack one paid order. */
    record Pack(int orderId) {}

    private final ActorSystem system;
    private final Dashboard dashboard;
    private final Pool<Pack> packers;
    private final List<Thread> clients = new ArrayList<>();
    private final AtomicInteger orders = new AtomicInteger();
    private final AtomicInteger paid = new AtomicInteger();
    private final AtomicInteger packed = new AtomicInteger();
    private final AtomicInteger crashes = new AtomicInteger();
    private volatile boolean running = true;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LiveShowcase(DashboardOptions options, Consumer<String> out) {
        system = ActorSystem.create(Dashboard.instrument(ActorSystemConfig.defaults("showcase")));
        try {
            // The gateway crashes on every seventh charge, so a steady stream of orders crashes it about once a
            // second: allow for that, or the payments supervisor would rightly give up.
            Showcase.startShop(system, out, crashes, new ConcurrentLinkedQueue<>(),
                    SupervisorSpec.oneForOne().restartIntensity(30, Duration.ofSeconds(10)));
            packers = Pool.start(system, PoolSpec.of("packers", 2, this::packer)
                    .size(2, 6)
                    .strategy(RoutingStrategy.smallestMailbox())
                    .resizer(Resizer.defaults().growAt(3).shrinkAfter(Duration.ofSeconds(3)))
                    .workerOptions(SpawnOptions.defaults().mailbox(Mailbox.unbounded())));
            ActorRef<String> audit = system.spawn(audit(), SpawnOptions.named("audit").mailbox(Mailbox.dropping(4)));
            dashboard = Dashboard.start(system, options);
            Registry registry = system.registry();
            for (int client = 0; client < 4; client++) {
                int id = client;
                clients.add(Thread.ofVirtual().name("client-" + id).start(() -> placeOrders(id, registry, audit)));
            }
            clients.add(Thread.ofVirtual().name("delivery").start(() -> restock(registry)));
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** Starts the live showcase and its dashboard with {@code options}; close it to stop both. */
    public static LiveShowcase start(DashboardOptions options, Consumer<String> out) {
        return new LiveShowcase(options, out);
    }

    /** Runs the live showcase; see the class comment for the arguments. */
    @SuppressWarnings("try")   // the shutdown hook closes it early on Ctrl-C; closing is idempotent
    public static void main(String[] args) throws InterruptedException {
        DashboardOptions options = DashboardOptions.defaults().port(intArgument(args, "--port",
                DashboardOptions.DEFAULT_PORT));
        long seconds = intArgument(args, "--seconds", 0);
        CountDownLatch stopped = new CountDownLatch(1);
        // The page shows the crashes and restarts; keep the console to the status lines.
        java.util.logging.Logger.getLogger("io.heddle").setLevel(java.util.logging.Level.SEVERE);
        try (LiveShowcase live = start(options, line -> {})) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                live.close();
                stopped.countDown();
            }));
            System.out.println("Heddle showcase, live: orders keep coming, the gateway keeps crashing and restarting.");
            System.out.println("Dashboard: " + live.dashboard().uriWithToken());
            System.out.println(seconds > 0 ? "Running for " + seconds + " s." : "Stop it with Ctrl-C.");
            long deadline = seconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
            while (System.nanoTime() < deadline && !stopped.await(Math.min(5_000_000_000L,
                    Math.max(0, deadline - System.nanoTime())), TimeUnit.NANOSECONDS)) {
                System.out.println("  " + live.status());
            }
            System.out.println("Final: " + live.status());
        }
    }

    /** Returns the dashboard. */
    public Dashboard dashboard() {
        return dashboard;
    }

    /** Returns the system. */
    public ActorSystem system() {
        return system;
    }

    /** Returns the orders placed so far. */
    public int orders() {
        return orders.get();
    }

    /** Returns the gateway crashes the checkout has seen so far. */
    public int crashes() {
        return crashes.get();
    }

    /** Returns one line: orders, paid, packed, crashes, packers, dead letters. */
    public String status() {
        return String.format("%d orders, %d paid, %d packed; gateway crashes %d; %d packers; %d dead letters",
                orders.get(), paid.get(), packed.get(), crashes.get(), packers.size(), system.deadLetters().count());
    }

    /** Stops the clients, the dashboard and the system. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        running = false;
        for (Thread client : clients) client.interrupt();
        for (Thread client : clients) {
            try {
                client.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        dashboard.close();
        system.close();
    }

    private void placeOrders(int client, Registry registry, ActorRef<String> audit) {
        String[] skus = {"tea", "cups", "kettle"};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int next = client * 1_000_000;
        try {
            while (running) {
                int orderId = ++next;
                String sku = skus[random.nextInt(skus.length)];
                Outcome outcome = registry.call(Showcase.CHECKOUT, r -> new PlaceOrder(orderId, sku, 1,
                        100 + random.nextInt(5_000), r));
                orders.incrementAndGet();
                if (outcome instanceof Paid) {
                    paid.incrementAndGet();
                    packers.cast(new Pack(orderId));
                }
                audit.cast(outcome.toString());   // the audit log drops what it cannot keep up with
                Thread.sleep(random.nextInt(200, 800));   // the client's pace, not synchronisation
            }
        } catch (InterruptedException | RuntimeException e) {
            // stopping: the system is closing under the client
        }
    }

    private void restock(Registry registry) {
        try {
            while (running) {
                Thread.sleep(2_000);   // a delivery every two seconds
                for (String sku : List.of("tea", "cups", "kettle")) {
                    registry.whereis(Showcase.INVENTORY).ifPresent(inventory -> inventory.cast(new Restock(sku, 6)));
                }
            }
        } catch (InterruptedException e) {
            // stopping
        }
    }

    private Behavior<Pack> packer() {
        return (ctx, pack) -> {
            Task.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextInt(200, 1_200)));   // packing takes a while
            packed.incrementAndGet();
            return Behaviors.same();
        };
    }

    private static Behavior<String> audit() {
        return (ctx, line) -> {
            Task.sleep(Duration.ofMillis(300));   // a slow disk
            return Behaviors.same();
        };
    }

    private static int intArgument(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                try {
                    return Integer.parseInt(args[i + 1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " takes a number, got '" + args[i + 1] + "'", e);
                }
            }
        }
        return fallback;
    }
}
