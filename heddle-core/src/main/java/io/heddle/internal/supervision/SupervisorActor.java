package io.heddle.internal.supervision;

import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.cell.CellContext;
import io.heddle.internal.dispatch.Waits;
import io.heddle.internal.observe.Observers;
import io.heddle.internal.system.SystemImpl;
import io.heddle.Actor;
import io.heddle.ActorRef;
import io.heddle.Behavior;
import io.heddle.ExitReason;
import io.heddle.ExitSignal;
import io.heddle.Health;
import io.heddle.ReplyTo;
import io.heddle.supervision.AutoShutdown;
import io.heddle.supervision.ChildInfo;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.ChildStartException;
import io.heddle.supervision.ChildType;
import io.heddle.supervision.DynamicSupervisorSpec;
import io.heddle.supervision.Restart;
import io.heddle.supervision.RestartIntensityExceededException;
import io.heddle.supervision.Shutdown;
import io.heddle.supervision.Strategy;
import io.heddle.supervision.SupervisorCommand;
import io.heddle.supervision.SupervisorSpec;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The supervisor actor behind {@link io.heddle.supervision.Supervisor} and
 * {@link io.heddle.supervision.DynamicSupervisor}: OTP's supervisor, on Heddle's links.
 *
 * <h2>Design</h2>
 * <ul>
 *   <li><b>Children</b> are spawned linked ({@code spawnLink}) as children of the supervisor's cell, and the supervisor
 *       traps exits, so every exit of a child reaches it as a {@link SupervisorRequest.ChildExited} message through
 *       the control lane, ahead of queued requests. A start waits for the child's init (only the supervisor waits);
 *       a child whose init fails has not started.</li>
 *   <li><b>Deliberate stops</b> (restarting siblings, terminating a child, the supervisor's own shutdown) unlink the
 *       child first, so its exit is not mistaken for a crash, then stop it by its {@link Shutdown} spec, newest child
 *       first. The supervisor's own termination stops its children this way before anything else.</li>
 *   <li><b>Restarts</b> follow the strategy. Each exit that leads to a restart counts once toward the intensity
 *       (restart times within the period); one too many and the supervisor stops its children and exits with a
 *       {@link RestartIntensityExceededException}. A child with a {@link io.heddle.supervision.Backoff} is restarted
 *       after its delay, by a timer message tagged with a token, so a restart superseded meanwhile is ignored. A child
 *       that fails to restart counts as having exited with that failure, through a work queue rather than recursion.
 *   </li>
 *   <li><b>Health</b> is computed on demand from the children's cells, on any thread, from a snapshot of the child
 *       list the actor republishes whenever it changes.</li>
 * </ul>
 * Everything else runs on the supervisor's own thread: no locks.
 */
public final class SupervisorActor extends Actor<SupervisorCommand> {

    private static final System.Logger LOG = System.getLogger("io.heddle.supervisor");

    /** One child: its spec and its current incarnation. */
    private static final class Child {
        final ChildSpec<?> spec;
        /** Written by the supervisor thread, read by health checks on any thread. */
        volatile ActorCell<?> cell;
        volatile ChildInfo.Status status = ChildInfo.Status.STOPPED;
        int restarts;
        /** The pid of the last incarnation, and why it exited if it did so on its own: for restart events. */
        io.heddle.Pid lastPid;
        ExitReason lastExit;
        int backoffAttempt;
        long startedAtNanos;
        long restartToken;

        Child(ChildSpec<?> spec) {
            this.spec = spec;
        }

        String id() {
            return spec.id();
        }
    }

    /** A child that could not be (re)started, to be handled as an exit with that failure. */
    private record StartFailure(Child child, ChildStartException failure) {}

    private final Strategy strategy;
    private final int maxRestarts;
    private final Duration period;
    private final AutoShutdown autoShutdown;
    private final int minHealthy;
    private final boolean dynamic;
    private final int maxChildren;
    private final List<ChildSpec<?>> initialChildren;

    // Supervisor thread only.
    private final ArrayList<Child> children = new ArrayList<>();
    private final ArrayDeque<Long> restartTimes = new ArrayDeque<>();
    private final ArrayDeque<StartFailure> failures = new ArrayDeque<>();
    private long nextToken;
    private boolean givingUp;
    private ActorCell<SupervisorCommand> cell;
    private SystemImpl system;
    /** The child list as health checks see it; republished by the supervisor thread on every change. */
    private volatile List<Child> published = List.of();

    private SupervisorActor(Strategy strategy, int maxRestarts, Duration period, AutoShutdown autoShutdown,
                            int minHealthy, boolean dynamic, int maxChildren, List<ChildSpec<?>> initialChildren) {
        this.strategy = strategy;
        this.maxRestarts = maxRestarts;
        this.period = period;
        this.autoShutdown = autoShutdown;
        this.minHealthy = minHealthy;
        this.dynamic = dynamic;
        this.maxChildren = maxChildren;
        this.initialChildren = initialChildren;
    }

    /** A new supervisor for {@code spec}; each spawn needs a new one. */
    public static Behavior<SupervisorCommand> of(SupervisorSpec spec) {
        return new SupervisorActor(spec.strategy(), spec.maxRestarts(), spec.period(), spec.autoShutdown(),
                spec.minHealthy(), false, Integer.MAX_VALUE, spec.children());
    }

    /** A new dynamic supervisor for {@code spec}; each spawn needs a new one. */
    public static Behavior<SupervisorCommand> of(DynamicSupervisorSpec spec) {
        return new SupervisorActor(Strategy.ONE_FOR_ONE, spec.maxRestarts(), spec.period(), AutoShutdown.NEVER,
                spec.minHealthy(), true, spec.maxChildren(), List.of());
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    @Override
    protected void init() {
        cell = ((CellContext<SupervisorCommand>) context()).cell();
        system = cell.system();
        context().trapExits(SupervisorRequest.ChildExited::new);
        cell.childStopper(this::stopAllChildren);
        cell.healthSource(this::aggregateHealth);
        for (ChildSpec<?> spec : initialChildren) {
            Child child = new Child(spec);
            children.add(child);
            publish();
            try {
                start(child);
            } catch (ChildStartException e) {
                stopAllChildren();
                throw new ChildStartException(spec.id(), cell + " could not start: " + e.getMessage(), e);
            }
        }
    }

    @Override
    protected void handle(SupervisorCommand command) {
        switch ((SupervisorRequest) command) {
            case SupervisorRequest.ChildExited(ExitSignal signal) -> onExit(signal);
            case SupervisorRequest.WhichChildren(ReplyTo<List<ChildInfo>> replyTo) -> replyTo.reply(childInfos());
            case SupervisorRequest.StartChild(ChildSpec<?> spec, ReplyTo<ActorRef<?>> replyTo) ->
                    answer(replyTo, () -> startNew(spec));
            case SupervisorRequest.TerminateChild(String id, ActorRef<?> actor, ReplyTo<Boolean> replyTo) ->
                    replyTo.reply(terminate(find(id, actor)));
            case SupervisorRequest.RestartChild(String id, ReplyTo<ActorRef<?>> replyTo) ->
                    answer(replyTo, () -> restartStopped(id));
            case SupervisorRequest.DeleteChild(String id, ReplyTo<Boolean> replyTo) ->
                    answer(replyTo, () -> delete(id));
            case SupervisorRequest.RestartDue(long token) -> restartGroup(token);
        }
        handleStartFailures();
    }

    private interface Action<T> {
        T run();
    }

    private static <T> void answer(ReplyTo<? super T> replyTo, Action<T> action) {
        try {
            replyTo.reply(action.run());
        } catch (ChildStartException | IllegalArgumentException | IllegalStateException e) {
            replyTo.fail(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ exits

    private void onExit(ExitSignal signal) {
        ActorCell<?> from = ActorCell.of(signal.from());
        ExitReason reason = signal.reason();
        Child child = null;
        for (Child c : children) {
            if (c.cell == from) {
                child = c;
                break;
            }
        }
        if (child == null) {
            // Not a child: the parent, or an actor linked by hand. Behave as a non-trapping actor would.
            if (reason.isAbnormal() || from == cell.parent()) {
                LOG.log(Level.INFO, cell + " exits because linked " + from + " exited: " + reason);
                stopAllChildren();
                cell.requestExit(reason.isAbnormal() ? ExitReason.linked(from.pid(), reason) : ExitReason.SHUTDOWN);
            }
            return;
        }
        child.cell = null;
        child.lastExit = reason;
        childExited(child, reason);
    }

    private void childExited(Child child, ExitReason reason) {
        if (givingUp) return;
        boolean restart = switch (child.spec.restart()) {
            case PERMANENT -> true;
            case TRANSIENT -> reason.isAbnormal();
            case TEMPORARY -> false;
        };
        if (restart && !system.isRunning()) {
            // The system is shutting down and will stop this supervisor too: a restart could only fail, and a chain of
            // such failures would end in a give-up that reports an error nobody made.
            LOG.log(Level.DEBUG, () -> cell + ": child '" + child.id() + "' exited (" + reason + ") while the system "
                    + "is shutting down; not restarted");
            if (dynamic) children.remove(child);
            else child.status = ChildInfo.Status.STOPPED;
            publish();
            return;
        }
        if (!restart) {
            LOG.log(Level.DEBUG, () -> cell + ": child '" + child.id() + "' exited (" + reason + "); not restarted ("
                    + child.spec.restart().name().toLowerCase() + ")");
            if (child.spec.restart() == Restart.TEMPORARY || dynamic) children.remove(child);
            else child.status = ChildInfo.Status.STOPPED;
            publish();
            if (child.spec.significant()) checkAutoShutdown();
            return;
        }
        if (!allowRestart()) {
            giveUp(child, reason);
            return;
        }
        LOG.log(Level.INFO, cell + ": restarting child '" + child.id() + "' after it exited: " + reason);
        long now = system.clock().nanoTime();
        if (child.spec.backoff() != null && now - child.startedAtNanos >= child.spec.backoff().resetAfter().toNanos()
                && child.startedAtNanos != 0) {
            child.backoffAttempt = 0;
        }
        List<Child> group = switch (strategy) {
            case ONE_FOR_ONE -> List.of(child);
            case ONE_FOR_ALL -> stopForGroup(children, child);
            case REST_FOR_ONE -> stopForGroup(children.subList(children.indexOf(child), children.size()), child);
        };
        Duration delay = Duration.ZERO;
        if (child.spec.backoff() != null) delay = child.spec.backoff().delay(child.backoffAttempt++, system.random());
        for (Child c : group) c.restarts++;
        scheduleRestart(group, delay);
    }

    /**
     * Stops the running members of {@code candidates} other than {@code failed}, newest first, and returns the group to
     * restart: the candidates that were running or waiting to restart, in start order. Temporary children that had to
     * be stopped are removed, as OTP does.
     */
    private List<Child> stopForGroup(List<Child> candidates, Child failed) {
        List<Child> group = new ArrayList<>();
        for (Child c : candidates) {
            if (c == failed || c.status == ChildInfo.Status.RUNNING || c.status == ChildInfo.Status.RESTARTING) {
                group.add(c);
            }
        }
        for (int i = group.size() - 1; i >= 0; i--) {
            Child c = group.get(i);
            if (c != failed) stopChild(c);
        }
        List<Child> restart = new ArrayList<>();
        for (Child c : group) {
            if (c != failed && c.spec.restart() == Restart.TEMPORARY) children.remove(c);
            else restart.add(c);
        }
        publish();
        return restart;
    }

    private boolean allowRestart() {
        long now = system.clock().nanoTime();
        restartTimes.addLast(now);
        long window = period.toNanos();
        while (!restartTimes.isEmpty() && now - restartTimes.peekFirst() > window) restartTimes.removeFirst();
        return restartTimes.size() <= maxRestarts;
    }

    private void giveUp(Child child, ExitReason reason) {
        givingUp = true;
        failures.clear();
        String message = cell + " gave up: child '" + child.id() + "' exited (" + reason + "), and restarting it "
                + "would exceed the restart intensity of " + maxRestarts + " restart" + (maxRestarts == 1 ? "" : "s")
                + " in " + period.toMillis() + " ms. Its children are stopped and it exits, so its own supervisor "
                + "decides; if such failures are expected, raise the intensity or give the child a backoff.";
        LOG.log(Level.ERROR, message);
        Throwable cause = reason instanceof ExitReason.Error(Throwable t) ? t : null;
        stopAllChildren();
        cell.requestExit(ExitReason.error(new RestartIntensityExceededException(message, maxRestarts, period, cause)));
    }

    private void checkAutoShutdown() {
        boolean shut = switch (autoShutdown) {
            case NEVER -> false;
            case ANY_SIGNIFICANT -> true;
            case ALL_SIGNIFICANT -> children.stream().noneMatch(c -> c.spec.significant()
                    && c.status != ChildInfo.Status.STOPPED);
        };
        if (!shut) return;
        LOG.log(Level.INFO, cell + ": significant children exited; shutting down (" + autoShutdown + ")");
        givingUp = true;
        stopAllChildren();
        cell.requestExit(ExitReason.SHUTDOWN);
    }

    // ------------------------------------------------------------------------------------------------ restarts

    private void scheduleRestart(List<Child> group, Duration delay) {
        long token = ++nextToken;
        for (Child c : group) {
            c.status = ChildInfo.Status.RESTARTING;
            c.restartToken = token;
        }
        publish();
        if (delay.isZero()) {
            restartGroup(token);
        } else {
            LOG.log(Level.DEBUG, () -> cell + ": restart of " + group.stream().map(Child::id).toList() + " in "
                    + delay.toMillis() + " ms");
            context().sendAfter(new SupervisorRequest.RestartDue(token), delay);
        }
    }

    /** Starts, in order, the children still waiting for the restart tagged {@code token}. */
    private void restartGroup(long token) {
        if (givingUp) return;
        for (Child c : List.copyOf(children)) {
            if (c.status != ChildInfo.Status.RESTARTING || c.restartToken != token) continue;
            try {
                start(c);
            } catch (ChildStartException e) {
                LOG.log(Level.WARNING, cell + ": child '" + c.id() + "' failed to restart: " + e.getMessage());
                failures.addLast(new StartFailure(c, e));
                return; // the failure is handled as an exit, which restarts the rest of the group as needed
            }
        }
    }

    private void handleStartFailures() {
        StartFailure failure;
        while (!givingUp && (failure = failures.pollFirst()) != null) {
            Child c = failure.child();
            if (!children.contains(c)) continue;
            c.cell = null;
            childExited(c, ExitReason.error(failure.failure()));
        }
    }

    // ------------------------------------------------------------------------------------------------ starting

    /** Starts {@code child} and waits for its init; on failure nothing of it is left running. */
    private ActorCell<?> start(Child child) {
        ChildSpec<?> spec = child.spec;
        Behavior<?> behavior;
        try {
            behavior = Objects.requireNonNull(spec.start().get(), "the start factory returned null");
        } catch (RuntimeException e) {
            throw new ChildStartException(spec.id(), "the start factory of child '" + spec.id() + "' of " + cell
                    + " threw " + e, e);
        }
        ActorCell<?> actor;
        try {
            int restarts = child.restarts;
            actor = system.spawnCell(cell, behavior, spec.options(), true, true, c -> {
                c.childRecord(new ChildRecord(spec.id(), restarts));
            });
        } catch (RuntimeException e) {
            throw new ChildStartException(spec.id(), "child '" + spec.id() + "' of " + cell + " could not be spawned: "
                    + e.getMessage(), e);
        }
        CompletableFuture<Void> started = actor.startedFuture();
        long timeout = spec.type() == ChildType.SUPERVISOR ? Long.MAX_VALUE : system.config().callTimeout().toNanos();
        boolean done = Waits.await(started, timeout, system.clock());
        if (!done || started.isCompletedExceptionally()) {
            system.table().unlink(cell, actor); // reported here, not as a crash
            if (!done) {
                actor.kill();
                throw new ChildStartException(spec.id(), "child '" + spec.id() + "' of " + cell + " did not finish "
                        + "init within " + system.config().callTimeout().toMillis() + " ms, so it was killed", null);
            }
            Throwable cause = started.exceptionNow();
            throw new ChildStartException(spec.id(), "child '" + spec.id() + "' of " + cell + " failed to start: "
                    + "init threw " + cause, cause);
        }
        if (spec.registeredName() != null) {
            ActorCell<?> holder = system.table().register(spec.registeredName().value(), actor);
            if (holder != null && holder != actor) {
                system.table().unlink(cell, actor);
                actor.kill();
                throw new ChildStartException(spec.id(), "child '" + spec.id() + "' of " + cell + " could not be "
                        + "registered as '" + spec.registeredName() + "': the name is held by " + holder, null);
            }
        }
        child.cell = actor;
        child.status = ChildInfo.Status.RUNNING;
        child.startedAtNanos = system.clock().nanoTime();
        io.heddle.spi.ActorObserver observer = system.observer;
        if (observer != null && child.restarts > 0 && child.lastPid != null) {
            io.heddle.Pid previous = child.lastPid;
            ExitReason why = child.lastExit != null ? child.lastExit : ExitReason.SHUTDOWN;
            int restarts = child.restarts;
            Observers.safely(observer, "actorRestarted", () -> observer.actorRestarted(cell.pid(), spec.id(),
                    previous, actor.pid(), why, restarts));
        }
        child.lastPid = actor.pid();
        child.lastExit = null;
        publish();
        return actor;
    }

    private ActorRef<?> startNew(ChildSpec<?> spec) {
        Objects.requireNonNull(spec, "spec");
        if (!dynamic) {
            for (Child c : children) {
                if (c.id().equals(spec.id())) {
                    throw new ChildStartException(spec.id(), cell + " already has a child '" + spec.id() + "'; ids "
                            + "are unique within a supervisor", null);
                }
            }
        } else if (children.size() >= maxChildren) {
            throw new ChildStartException(spec.id(), cell + " has " + children.size() + " children, its maximum; "
                    + "terminate one or raise maxChildren", null);
        }
        if (spec.significant() && autoShutdown == AutoShutdown.NEVER) {
            throw new IllegalArgumentException("child '" + spec.id() + "' is significant but " + cell + " has auto "
                    + "shutdown NEVER");
        }
        Child child = new Child(spec);
        children.add(child);
        try {
            return start(child);
        } catch (ChildStartException e) {
            children.remove(child);
            publish();
            throw e;
        }
    }

    private ActorRef<?> restartStopped(String id) {
        Child child = find(id, null);
        if (child == null) throw new IllegalArgumentException(cell + " has no child '" + id + "'");
        if (child.status != ChildInfo.Status.STOPPED) {
            throw new IllegalStateException("child '" + id + "' of " + cell + " is " + child.status.name()
                    .toLowerCase() + "; only a stopped child can be restarted by hand");
        }
        return start(child);
    }

    private boolean delete(String id) {
        Child child = find(id, null);
        if (child == null) return false;
        if (child.status != ChildInfo.Status.STOPPED) {
            throw new IllegalStateException("child '" + id + "' of " + cell + " is " + child.status.name()
                    .toLowerCase() + "; terminate it before deleting it");
        }
        children.remove(child);
        publish();
        return true;
    }

    // ------------------------------------------------------------------------------------------------ stopping

    private boolean terminate(Child child) {
        if (child == null) return false;
        stopChild(child);
        if (child.spec.restart() == Restart.TEMPORARY || dynamic) children.remove(child);
        else child.status = ChildInfo.Status.STOPPED;
        publish();
        return true;
    }

    /** Stops every child, newest first, each by its shutdown spec. */
    private void stopAllChildren() {
        for (int i = children.size() - 1; i >= 0; i--) {
            Child c = children.get(i);
            stopChild(c);
            c.status = ChildInfo.Status.STOPPED;
        }
        publish();
    }

    /** Unlinks and stops {@code child}'s incarnation, if it has one, and waits by its shutdown spec. */
    private void stopChild(Child child) {
        ActorCell<?> actor = child.cell;
        child.status = ChildInfo.Status.STOPPED;
        if (actor == null) return;
        child.cell = null;
        system.table().unlink(cell, actor);
        CompletableFuture<ExitReason> done = actor.termination();
        long grace = system.config().shutdownTimeout().toNanos();
        switch (child.spec.shutdown()) {
            case Shutdown.BrutalKill k -> actor.kill();
            case Shutdown.Timeout(Duration timeout) -> {
                actor.stop(ExitReason.SHUTDOWN);
                if (Waits.await(done, timeout.toNanos(), system.clock())) return;
                LOG.log(Level.WARNING, cell + ": child '" + child.id() + "' did not stop within " + timeout.toMillis()
                        + " ms; killing it");
                actor.kill();
            }
            case Shutdown.Infinity i -> {
                actor.stop(ExitReason.SHUTDOWN);
                grace = Long.MAX_VALUE;
            }
        }
        if (!Waits.await(done, grace, system.clock())) {
            LOG.log(Level.WARNING, cell + ": child '" + child.id() + "' did not stop after being killed (its handler "
                    + "ignores interrupts); abandoning it");
        }
    }

    // ------------------------------------------------------------------------------------------------ queries

    private Child find(String id, ActorRef<?> actor) {
        for (Child c : children) {
            if (actor != null ? c.cell == actor : c.id().equals(id)) return c;
        }
        return null;
    }

    private List<ChildInfo> childInfos() {
        List<ChildInfo> infos = new ArrayList<>(children.size());
        for (Child c : children) infos.add(info(c));
        return List.copyOf(infos);
    }

    private static ChildInfo info(Child c) {
        ActorCell<?> actor = c.cell;
        Health health = actor == null ? Health.unhealthy(c.status == ChildInfo.Status.RESTARTING ? "restarting"
                : "stopped") : actor.health();
        return new ChildInfo(c.id(), actor, c.spec.type(), c.spec.restart(), c.status, c.restarts, health);
    }

    private void publish() {
        published = List.copyOf(children);
    }

    /**
     * Healthy while at least {@code minHealthy} children (all of them, if unset) report healthy; unhealthy when none
     * does; degraded in between. Runs on any thread.
     */
    private Health aggregateHealth() {
        int expected = 0;
        int healthy = 0;
        String worst = null;
        int worstSeverity = 0;
        for (Child c : published) {
            if (c.status == ChildInfo.Status.STOPPED) continue;
            expected++;
            Health h = info(c).health();
            if (h.severity() == 0) {
                healthy++;
            } else if (h.severity() > worstSeverity) {
                worstSeverity = h.severity();
                worst = "child '" + c.id() + "' is " + h;
            }
        }
        int needed = minHealthy > 0 ? minHealthy : expected;
        if (healthy >= needed) return Health.HEALTHY;
        if (healthy == 0) return Health.unhealthy("no child is healthy: " + worst);
        return Health.degraded(healthy + " of " + expected + " children healthy"
                + (minHealthy > 0 ? ", below the minimum of " + minHealthy : "") + "; " + worst);
    }
}
