package io.heddle.internal.cell;

import io.heddle.ActorContext;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behavior;
import io.heddle.Cancellable;
import io.heddle.Down;
import io.heddle.ExitReason;
import io.heddle.ExitSignal;
import io.heddle.Health;
import io.heddle.MonitorRef;
import io.heddle.SpawnOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** The {@link ActorContext} of one actor: a thin, owner-checked front for its cell. */
public final class CellContext<M> implements ActorContext<M> {

    private final ActorCell<M> cell;

    CellContext(ActorCell<M> cell) {
        this.cell = cell;
    }

    @Override
    public ActorRef<M> self() {
        return cell;
    }

    @Override
    public ActorSystem system() {
        return cell.system();
    }

    @Override
    public <C> ActorRef<C> spawn(Behavior<C> behavior, SpawnOptions options) {
        cell.checkOwner("spawn");
        return cell.system().spawnCell(cell, behavior, options, false);
    }

    @Override
    public <C> ActorRef<C> spawnLink(Behavior<C> behavior, SpawnOptions options) {
        cell.checkOwner("spawnLink");
        return cell.system().spawnCell(cell, behavior, options, false, true);
    }

    @Override
    public void link(ActorRef<?> other) {
        cell.checkOwner("link");
        cell.link(ActorCell.of(other));
    }

    @Override
    public void unlink(ActorRef<?> other) {
        cell.checkOwner("unlink");
        cell.unlink(ActorCell.of(other));
    }

    @Override
    public void trapExits(Function<? super ExitSignal, ? extends M> adapter) {
        cell.checkOwner("trapExits");
        cell.trapExits(Objects.requireNonNull(adapter, "adapter"));
    }

    @Override
    public void stopTrappingExits() {
        cell.checkOwner("stopTrappingExits");
        cell.trapExits(null);
    }

    @Override
    public MonitorRef monitor(ActorRef<?> target, Function<? super Down, ? extends M> adapter) {
        cell.checkOwner("monitor");
        return cell.monitor(ActorCell.of(target), Objects.requireNonNull(adapter, "adapter"));
    }

    @Override
    public boolean demonitor(MonitorRef monitor) {
        cell.checkOwner("demonitor");
        return cell.demonitor(Objects.requireNonNull(monitor, "monitor"));
    }

    @Override
    public void reportHealth(Health health) {
        cell.checkOwner("reportHealth");
        cell.reportHealth(Objects.requireNonNull(health, "health"));
    }

    /** The cell behind this context, for the runtime's own actors (supervisors). */
    public ActorCell<M> cell() {
        return cell;
    }

    @Override
    public void stop() {
        cell.checkOwner("stop");
        cell.requestExit(ExitReason.NORMAL);
    }

    @Override
    public void stop(ActorRef<?> child) {
        cell.checkOwner("stop");
        Objects.requireNonNull(child, "child");
        if (!(child instanceof ActorCell<?> c) || c.parent() != cell) {
            throw new IllegalArgumentException(child + " is not a child of " + cell
                    + "; an actor may stop only its own children (use ActorRef.stop() for others)");
        }
        c.stop();
    }

    @Override
    public void become(Behavior<M> behavior) {
        cell.checkOwner("become");
        cell.become(Objects.requireNonNull(behavior, "behavior"));
    }

    @Override
    public void unbecome() {
        cell.checkOwner("unbecome");
        cell.unbecome();
    }

    @Override
    public Cancellable sendAfter(M message, Duration delay) {
        cell.checkOwner("sendAfter");
        return cell.startTimer(message, delay, false);
    }

    @Override
    public Cancellable sendInterval(M message, Duration interval) {
        cell.checkOwner("sendInterval");
        return cell.startTimer(message, interval, true);
    }

    @Override
    public void stash() {
        cell.checkOwner("stash");
        cell.stashCurrent();
    }

    @Override
    public void unstashAll() {
        cell.checkOwner("unstashAll");
        cell.unstashAll();
    }

    @Override
    public int stashSize() {
        cell.checkOwner("stashSize");
        return cell.stashSize();
    }

    @Override
    public Optional<M> receive(Predicate<? super M> matcher, Duration timeout) {
        cell.checkOwner("receive");
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(timeout, "timeout");
        return cell.selectiveReceive(matcher, timeout);
    }

    @Override
    public void onTerminate(Consumer<ExitReason> hook) {
        cell.checkOwner("onTerminate");
        cell.addTerminateHook(Objects.requireNonNull(hook, "hook"));
    }

    @Override
    public String toString() {
        return "ActorContext[" + cell + "]";
    }
}
