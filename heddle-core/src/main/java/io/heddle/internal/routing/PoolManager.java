package io.heddle.internal.routing;

import io.heddle.ActorRef;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.SpawnOptions;
import io.heddle.internal.cell.ActorCell;
import io.heddle.routing.Pool;
import io.heddle.routing.PoolSpec;
import io.heddle.routing.Resizer;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.DynamicSupervisor;
import io.heddle.supervision.SupervisorCommand;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * The actor that runs a {@link Pool}: it starts the workers' supervisor and the first workers, and, if the pool has a
 * {@link Resizer}, looks at the workers' load on a timer and starts or retires workers. Everything here runs on the
 * manager's own thread.
 */
final class PoolManager<M> {

    private static final System.Logger LOG = System.getLogger("io.heddle.routing");

    /** The manager's messages. */
    sealed interface Command {}

    /** Time to look at the load. */
    record Tick() implements Command {}

    private static final Tick TICK = new Tick();

    private final PoolEngine<M> pool;
    private final PoolSpec<M> spec;
    private DynamicSupervisor supervisor;
    /** The slots in use, oldest first. */
    private final List<Integer> slots = new ArrayList<>();
    private int nextSlot;
    private long lastChange = Long.MIN_VALUE;
    private long idleSince = Long.MIN_VALUE;
    private long lastProcessed = Long.MIN_VALUE;

    private PoolManager(PoolEngine<M> pool) {
        this.pool = pool;
        this.spec = pool.spec();
    }

    static <M> Behavior<Command> create(PoolEngine<M> pool) {
        return Behaviors.setup(ctx -> {
            PoolManager<M> manager = new PoolManager<>(pool);
            ActorRef<SupervisorCommand> sup = ctx.spawnLink(DynamicSupervisor.create(pool.spec().supervision()),
                    SpawnOptions.named(pool.spec().name() + "-workers"));
            manager.supervisor = DynamicSupervisor.of(sup);
            for (int i = 0; i < pool.spec().minSize(); i++) manager.startWorker();
            if (pool.spec().resizer() != null) ctx.sendInterval(TICK, pool.spec().resizer().checkEvery());
            return (c, command) -> {
                switch (command) {
                    case Tick t -> manager.resize();
                }
                return Behaviors.same();
            };
        });
    }

    private void startWorker() {
        int slot = nextSlot++;
        String name = pool.workerName(slot);
        ChildSpec<M> child = ChildSpec.<M>worker(name, () -> pool.worker(slot))
                .options(spec.workerOptions().name(name));
        supervisor.startChild(child);
        slots.add(slot);
    }

    private void retireWorker() {
        int slot = slots.removeLast();
        ActorCell<?> worker = pool.incarnationOf(slot);
        if (worker == null) return; // between a crash and its restart: the restart will find no slot to fill
        pool.routing().ownedByPool().remove(worker); // out of the routing first, then stopped: what it holds moves on
        supervisor.terminateChild(worker);
    }

    /** Looks at the load and grows or shrinks the pool (see {@link Resizer}). */
    private void resize() {
        Resizer resizer = spec.resizer();
        long now = pool.system().clock().nanoTime();
        long queued = 0;
        long processed = 0;
        boolean busy = false;
        for (ActorCell<?> w : pool.routing().ownedByPool().cells()) {
            queued += w.mailboxSize();
            processed += w.processedCount();
            busy |= w.isBusy();
        }
        boolean idle = queued == 0 && !busy && processed == lastProcessed;
        lastProcessed = processed;
        if (!idle) idleSince = Long.MIN_VALUE;
        else if (idleSince == Long.MIN_VALUE) idleSince = now;
        if (lastChange != Long.MIN_VALUE && now - lastChange < resizer.cooldown().toNanos()) return;
        int size = slots.size();
        if (queued >= (long) resizer.growAt() * size && size < spec.maxSize()) {
            int target = (int) Math.min(spec.maxSize(), Math.max(size + 1, (queued + resizer.growAt() - 1)
                    / resizer.growAt()));
            long backlog = queued;
            LOG.log(Level.DEBUG, () -> "pool '" + spec.name() + "' grows from " + size + " to " + target + " workers ("
                    + backlog + " messages queued)");
            while (slots.size() < target) startWorker();
            lastChange = now;
        } else if (idle && idleSince != Long.MIN_VALUE && now - idleSince >= resizer.shrinkAfter().toNanos()
                && size > spec.minSize()) {
            LOG.log(Level.DEBUG, () -> "pool '" + spec.name() + "' shrinks from " + size + " to " + (size - 1)
                    + " workers");
            retireWorker();
            lastChange = now;
            idleSince = now;
        }
    }
}
