package io.heddle.dashboard;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.Mailbox;
import io.heddle.Name;
import io.heddle.SpawnOptions;
import io.heddle.routing.Pool;
import io.heddle.routing.PoolSpec;
import io.heddle.scheduling.Watchdog;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.DynamicSupervisor;
import io.heddle.supervision.DynamicSupervisorSpec;
import io.heddle.supervision.Restart;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorCommand;
import io.heddle.supervision.SupervisorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small online shop, busy enough to make the dashboard worth looking at: the README's screenshot and the browser
 * test of the panels watch it. Every actor paces itself with timers and spends CPU instead of sleeping.
 *
 * <pre>
 * shop (one-for-one)
 * ├── frontend (one-for-one)
 * │   ├── http            a timer turns into 50 orders a second, a page view for a session every 200 ms, and a
 * │   │                   burst of ten mails every 2 s
 * │   └── sessions        a dynamic supervisor of shoppers' sessions; tony's expires after 2 s,
 * │                       and the page views http still sends it become dead letters
 * ├── orders (rest-for-one)
 * │   ├── inventory
 * │   ├── payments        crashes every 120 charges ("card processor timed out"); restarted with checkout
 * │   └── checkout        reserves stock, charges the card, and asks for a thumbnail now and then
 * ├── reports (one-for-one)
 * │   ├── daily-sales     a 400 ms CPU-bound job every 3 s: blocked-worker and starvation events
 * │   └── stock-levels    the same, at the same moments
 * └── mailer              a dropping mailbox of 4: half of each burst of ten mails becomes dead letters
 * thumbnails              a pool of 4 image workers (manager, supervisor, workers), crashing on corrupt images
 * audit                   monitors payments and watches it again after each crash
 * cron                    starts the reports
 * </pre>
 *
 * <p>The system is instrumented ({@link Dashboard#instrument}) so the table shows handler latency, and runs on two
 * workers with the watchdog's default thresholds, so the reports' CPU-bound turns are noticed.
 */
final class DemoShop implements AutoCloseable {

    sealed interface FrontendMsg permits Tick, Burst {}
    record Tick() implements FrontendMsg {}
    record Burst() implements FrontendMsg {}

    sealed interface CheckoutMsg permits Order {}
    record Order(int id, String sku, int quantity) implements CheckoutMsg {}

    sealed interface InventoryMsg permits Reserve {}
    record Reserve(int order, String sku, int quantity) implements InventoryMsg {}

    sealed interface PaymentsMsg permits Charge {}
    record Charge(int order, long cents) implements PaymentsMsg {}

    sealed interface MailerMsg permits Mail {}
    record Mail(String to, String subject) implements MailerMsg {}

    sealed interface SessionMsg permits Browse, Expire {}
    record Browse(String sku) implements SessionMsg {}
    record Expire() implements SessionMsg {}

    sealed interface ThumbnailMsg permits Thumbnail {}
    record Thumbnail(String sku, int width) implements ThumbnailMsg {}

    sealed interface ReportMsg permits Build {}
    record Build() implements ReportMsg {}

    sealed interface AuditMsg permits PaymentsDown, Watch {}
    record PaymentsDown(String reason) implements AuditMsg {}
    record Watch() implements AuditMsg {}

    static final Name<CheckoutMsg> CHECKOUT = Name.of("checkout");
    static final Name<InventoryMsg> INVENTORY = Name.of("inventory");
    static final Name<PaymentsMsg> PAYMENTS = Name.of("payments");
    static final Name<MailerMsg> MAILER = Name.of("mailer");
    static final Name<ReportMsg> DAILY_SALES = Name.of("daily-sales");
    static final Name<ReportMsg> STOCK_LEVELS = Name.of("stock-levels");

    private static final List<String> SKUS = List.of("loom-42", "shuttle-7", "heddle-frame", "warp-yarn", "reed-12",
            "bobbin-set");
    private static final List<String> SHOPPERS = List.of("ada", "grace", "barbara", "edsger", "tony");

    final ActorSystem system;
    final Supervisor shop;
    final Pool<ThumbnailMsg> thumbnails;

    private DemoShop(ActorSystem system) {
        this.system = system;
        // Started after the shop, so the tree lists the shop first; orders ask for no thumbnails until then.
        AtomicReference<Pool<ThumbnailMsg>> thumbnails = new AtomicReference<>();
        AtomicReference<List<ActorRef<SessionMsg>>> sessionRefs = new AtomicReference<>(List.of());
        this.shop = Supervisor.start(system, SupervisorSpec.oneForOne()
                .child(ChildSpec.supervisor("frontend", SupervisorSpec.oneForOne()
                        .child(ChildSpec.worker("http", () -> http(thumbnails, sessionRefs)))
                        .child(ChildSpec.supervisor("sessions", DynamicSupervisorSpec.defaults()))))
                .child(ChildSpec.supervisor("orders", SupervisorSpec.restForOne()
                        .restartIntensity(1_000, Duration.ofSeconds(10))
                        .child(ChildSpec.worker("inventory", DemoShop::inventory).registerAs(INVENTORY))
                        .child(ChildSpec.worker("payments", DemoShop::payments).registerAs(PAYMENTS))
                        .child(ChildSpec.worker("checkout", () -> checkout(thumbnails)).registerAs(CHECKOUT))))
                .child(ChildSpec.supervisor("reports", SupervisorSpec.oneForOne()
                        .child(ChildSpec.worker("daily-sales", DemoShop::report).registerAs(DAILY_SALES))
                        .child(ChildSpec.worker("stock-levels", DemoShop::report).registerAs(STOCK_LEVELS))))
                .child(ChildSpec.worker("mailer", DemoShop::mailer).registerAs(MAILER)
                        .options(SpawnOptions.named("mailer").mailbox(Mailbox.dropping(4)))),
                SpawnOptions.named("shop"));
        @SuppressWarnings("unchecked")
        var frontend = Supervisor.of((ActorRef<SupervisorCommand>) shop.child("frontend").orElseThrow());
        @SuppressWarnings("unchecked")
        var sessions = DynamicSupervisor.of((ActorRef<SupervisorCommand>) frontend.child("sessions").orElseThrow());
        List<ActorRef<SessionMsg>> started = new ArrayList<>();
        for (String shopper : SHOPPERS) {
            boolean expires = shopper.equals(SHOPPERS.getLast());
            started.add(sessions.startChild(ChildSpec.worker("session-" + shopper, () -> session(expires))
                    .restart(Restart.TEMPORARY)));
        }
        sessionRefs.set(List.copyOf(started));
        this.thumbnails = Pool.start(system, PoolSpec.of("thumbnails", 4, DemoShop::thumbnailer)
                .supervision(DynamicSupervisorSpec.defaults().restartIntensity(1_000, Duration.ofSeconds(10))));
        thumbnails.set(this.thumbnails);
        system.start(audit(), SpawnOptions.named("audit"));
        system.start(cron(), SpawnOptions.named("cron"));
    }

    /** Starts the shop on an instrumented system named {@code name}. */
    static DemoShop start(String name) {
        ActorSystem system = ActorSystem.create(Dashboard.instrument(ActorSystemConfig.defaults(name)
                .parallelism(2)
                .watchdog(Watchdog.defaults().probeInterval(Duration.ofMillis(250)))));
        try {
            return new DemoShop(system);
        } catch (RuntimeException | Error e) {
            system.close();
            throw e;
        }
    }

    @Override
    public void close() {
        system.close();
    }

    /** Takes an order every 20 ms, shows a session a page every 200 ms, and mails every shopper twice every 2 s. */
    private static Behavior<FrontendMsg> http(AtomicReference<Pool<ThumbnailMsg>> thumbnails,
                                              AtomicReference<List<ActorRef<SessionMsg>>> sessions) {
        return Behaviors.setup(ctx -> {
            ctx.sendInterval(new Tick(), Duration.ofMillis(20));
            ctx.sendInterval(new Burst(), Duration.ofSeconds(2));
            int[] orders = {0};
            return (c, msg) -> {
                switch (msg) {
                    case Tick() -> {
                        int id = ++orders[0];
                        String sku = SKUS.get(id % SKUS.size());
                        c.system().registry().whereis(CHECKOUT)
                                .ifPresent(checkout -> checkout.cast(new Order(id, sku, 1 + id % 3)));
                        if (id % 5 == 0 && thumbnails.get() != null) thumbnails.get().cast(new Thumbnail(sku, 320));
                        List<ActorRef<SessionMsg>> shoppers = sessions.get();
                        if (id % 10 == 0 && !shoppers.isEmpty()) {
                            // A session that expired is still in the list: its page views become dead letters.
                            shoppers.get(id / 10 % shoppers.size()).cast(new Browse(sku));
                        }
                        work(200);
                    }
                    case Burst() -> c.system().registry().whereis(MAILER).ifPresent(mailer -> {
                        for (String shopper : SHOPPERS) mailer.cast(new Mail(shopper, "Spring sale"));
                        for (String shopper : SHOPPERS) mailer.cast(new Mail(shopper, "Your basket misses you"));
                    });
                }
                return Behaviors.same();
            };
        });
    }

    /** Reserves stock, charges the card, and asks for a thumbnail for every third order. */
    private static Behavior<CheckoutMsg> checkout(AtomicReference<Pool<ThumbnailMsg>> thumbnails) {
        return (ctx, msg) -> {
            switch (msg) {
                case Order(int id, String sku, int quantity) -> {
                    var registry = ctx.system().registry();
                    registry.whereis(INVENTORY).ifPresent(i -> i.cast(new Reserve(id, sku, quantity)));
                    registry.whereis(PAYMENTS).ifPresent(p -> p.cast(new Charge(id, 1_999L * quantity)));
                    if (id % 3 == 0 && thumbnails.get() != null) thumbnails.get().cast(new Thumbnail(sku, 96));
                    work(400);
                }
            }
            return Behaviors.same();
        };
    }

    private static Behavior<InventoryMsg> inventory() {
        return (ctx, msg) -> {
            work(150);
            return Behaviors.same();
        };
    }

    /** Charges cards; its card processor times out after 120 charges. */
    private static Behavior<PaymentsMsg> payments() {
        int[] charges = {0};
        return (ctx, msg) -> {
            switch (msg) {
                case Charge(int order, long cents) -> {
                    work(900);
                    if (++charges[0] == 120) {
                        throw new IllegalStateException("card processor timed out charging order " + order);
                    }
                }
            }
            return Behaviors.same();
        };
    }

    /** Sends mail slowly: its dropping mailbox of 4 overflows in every newsletter burst. */
    private static Behavior<MailerMsg> mailer() {
        return (ctx, msg) -> {
            work(3_000);
            return Behaviors.same();
        };
    }

    /** A shopper's session; one that {@code expires} stops after 2 s. */
    private static Behavior<SessionMsg> session(boolean expires) {
        return Behaviors.setup(ctx -> {
            if (expires) ctx.sendAfter(new Expire(), Duration.ofSeconds(2));
            return (c, msg) -> msg instanceof Expire ? Behaviors.stopped() : Behaviors.same();
        });
    }

    /** Resizes an image: a millisecond of CPU; one image in 60 is corrupt and crashes the worker. */
    private static Behavior<ThumbnailMsg> thumbnailer() {
        int[] images = {0};
        return (ctx, msg) -> {
            work(1_000);
            if (++images[0] % 60 == 0) throw new IllegalArgumentException("corrupt image: " + msg);
            return Behaviors.same();
        };
    }

    /**
     * A CPU-bound report: holds its worker for 400 ms, well past the watchdog's 100 ms threshold. The watchdog samples
     * every 50 ms and counts from its first sample of a turn, so a turn barely past the threshold can go unseen on a
     * busy machine.
     */
    private static Behavior<ReportMsg> report() {
        return (ctx, msg) -> {
            work(400_000);
            return Behaviors.same();
        };
    }

    /** Starts both reports at once, every 3 s: together they hold both workers, and ready work waits. */
    private static Behavior<Object> cron() {
        return Behaviors.setup(ctx -> {
            ctx.sendInterval("build", Duration.ofSeconds(3));
            ctx.self().cast("build");
            return (c, msg) -> {
                var registry = c.system().registry();
                registry.whereis(DAILY_SALES).ifPresent(r -> r.cast(new Build()));
                registry.whereis(STOCK_LEVELS).ifPresent(r -> r.cast(new Build()));
                return Behaviors.same();
            };
        });
    }

    /** Monitors payments, and monitors its next incarnation after each crash. */
    private static Behavior<AuditMsg> audit() {
        return Behaviors.setup(ctx -> {
            ctx.self().cast(new Watch());
            return (c, msg) -> {
                switch (msg) {
                    case Watch() -> c.system().registry().whereis(PAYMENTS).ifPresentOrElse(
                            payments -> c.monitor(payments, down -> new PaymentsDown(down.toString())),
                            () -> c.sendAfter(new Watch(), Duration.ofMillis(20)));
                    case PaymentsDown(String reason) -> c.self().cast(new Watch());
                }
                return Behaviors.same();
            };
        });
    }

    /** Spends {@code micros} of CPU, as real work would; never sleeps. */
    private static void work(long micros) {
        long end = System.nanoTime() + micros * 1_000;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }
}
