package io.heddle.testkit;

import io.heddle.Actor;
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
import io.heddle.internal.cell.ActorAccess;
import io.heddle.internal.cell.Inbox;
import io.heddle.internal.cell.SetupBehavior;
import io.heddle.internal.cell.SpecialBehavior;
import io.heddle.internal.cell.StubContext;
import io.heddle.internal.system.SystemImpl;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a behavior synchronously, on the test's thread, without threads or timers, and records what it did: the
 * synchronous counterpart of the {@link Simulation}, for the logic of one actor. Messages it sends land in
 * {@link TestInbox}es (its own {@linkplain #selfInbox() self}, its children's, or inboxes the test gives it); everything
 * else it does through its context becomes an {@link Effect}.
 *
 * {@snippet :
 * BehaviorTestKit<CounterMsg> kit = BehaviorTestKit.create(counter(0));
 * TestInbox<Integer> replies = kit.inbox("replies");
 * kit.run(new Add(2));
 * kit.run(new Get(replies.ref()));
 * replies.expectMessage(2);
 * }
 *
 * <p>Not supported, because they wait for other actors: selective {@code receive}, and {@code call}s to anything but a
 * real running actor. Test those under a {@link Simulation}.
 *
 * <p>Threading: one thread. Close the kit (or let it be collected) when done; it holds no threads.
 *
 * @param <M> the type of messages the behavior accepts
 */
public final class BehaviorTestKit<M> implements AutoCloseable {

    private final SystemImpl system;
    private final Inbox<M> self;
    private final Context context = new Context();
    private final ArrayDeque<Effect> effects = new ArrayDeque<>();
    private final ArrayDeque<Behavior<M>> stack = new ArrayDeque<>();
    private final ArrayDeque<M> stash = new ArrayDeque<>();
    private final ArrayDeque<M> unstashed = new ArrayDeque<>();
    private final List<Consumer<ExitReason>> terminateHooks = new ArrayList<>();
    private final Map<ActorRef<?>, TestInbox<?>> children = new HashMap<>();
    private final Map<MonitorRef, Function<? super Down, ? extends M>> monitors = new HashMap<>();
    private final List<Timer> timers = new ArrayList<>();
    private Function<? super ExitSignal, ? extends M> exitTrap;
    private Behavior<M> behavior;
    private Actor<?> classActor;
    private M current;
    private ExitReason exitReason;
    private Health health = Health.HEALTHY;

    private BehaviorTestKit(Behavior<M> initial, String name) {
        this.system = (SystemImpl) ActorSystem.create("behavior-testkit");
        this.self = Inbox.create(system, name);
        this.behavior = Objects.requireNonNull(initial, "initial");
        try {
            this.behavior = resolve(initial);
        } catch (Exception e) {
            throw new IllegalStateException("the behavior failed to start: " + e, e);
        }
    }

    /** Starts {@code initial} (running its setup or init) and returns the kit. */
    public static <M> BehaviorTestKit<M> create(Behavior<M> initial) {
        return new BehaviorTestKit<>(initial, "testkit");
    }

    /** Starts {@code initial}, naming the actor {@code name}. */
    public static <M> BehaviorTestKit<M> create(Behavior<M> initial, String name) {
        return new BehaviorTestKit<>(initial, name);
    }

    // ------------------------------------------------------------------------------------------------ running

    /**
     * Handles {@code message}, then any messages it unstashed, and returns. An exception from the behavior is rethrown
     * after the actor is recorded as stopped with it, as a real actor would crash.
     *
     * @throws IllegalStateException if the actor has stopped
     */
    public void run(M message) throws Exception {
        Objects.requireNonNull(message, "message");
        if (exitReason != null) throw new IllegalStateException("the actor has stopped (" + exitReason + ")");
        handle(message);
        M next;
        while (exitReason == null && (next = unstashed.pollFirst()) != null) handle(next);
    }

    /** Handles the oldest message its self inbox holds (a message it sent itself). Returns false if there was none. */
    public boolean runOne() throws Exception {
        M message = self.poll();
        if (message == null) return false;
        run(message);
        return true;
    }

    /** Delivers the message of the timer set with {@code message}, as if it fired. */
    public void fire(Object message) throws Exception {
        for (Timer t : timers) {
            if (!t.cancelled && t.message.equals(message)) {
                if (!t.periodic) t.cancelled = true;
                run(t.typed());
                return;
            }
        }
        throw new AssertionError("no active timer sends " + message + "; timers: " + timers);
    }

    /** Delivers the down notice of {@code monitor} with {@code reason}, through the behavior's adapter. */
    public void down(MonitorRef monitor, ActorRef<?> actor, ExitReason reason) throws Exception {
        Function<? super Down, ? extends M> adapter = monitors.remove(monitor);
        if (adapter == null) throw new AssertionError("no active monitor " + monitor);
        run(adapter.apply(new Down(monitor, actor, reason)));
    }

    /** Delivers an exit signal from {@code from}: a message if the behavior traps exits, otherwise maybe a stop. */
    public void exit(ActorRef<?> from, ExitReason reason) throws Exception {
        if (exitTrap != null) {
            run(exitTrap.apply(new ExitSignal(from, reason)));
        } else if (reason.isAbnormal()) {
            stopWith(ExitReason.linked(from.pid(), reason));
        }
    }

    private void handle(M message) throws Exception {
        current = message;
        Behavior<M> next;
        try {
            next = behavior.receive(context, message);
        } catch (Exception | Error e) {
            stopWith(ExitReason.error(e));
            throw e;
        } finally {
            current = null;
        }
        if (next == SpecialBehavior.SAME || next == behavior) return;
        if (next == SpecialBehavior.STOPPED) {
            stopWith(ExitReason.NORMAL);
        } else if (next == SpecialBehavior.UNHANDLED) {
            effects.add(new Effect.Unhandled(message));
        } else {
            behavior = resolve(next);
        }
    }

    @SuppressWarnings("unchecked")
    private Behavior<M> resolve(Behavior<M> candidate) throws Exception {
        Behavior<M> b = candidate;
        for (int depth = 0; depth < 100; depth++) {
            if (b instanceof SetupBehavior<M> setup) {
                b = setup.factory().apply(context);
            } else if (b instanceof Actor<M> actor) {
                if (!ActorAccess.get().bind(actor, context)) {
                    throw new IllegalStateException(actor.getClass().getName() + " instance was used before");
                }
                ActorAccess.get().init(actor);
                if (classActor == null) classActor = actor;
                return b;
            } else if (b == SpecialBehavior.STOPPED) {
                stopWith(ExitReason.NORMAL);
                return behavior;
            } else {
                return Objects.requireNonNull(b, "a behavior returned null");
            }
        }
        throw new IllegalStateException("setup behaviors nested more than 100 deep");
    }

    private void stopWith(ExitReason reason) {
        if (exitReason != null) return;
        exitReason = reason;
        if (reason == ExitReason.NORMAL) effects.add(new Effect.StoppedSelf());
        if (!(reason instanceof ExitReason.Killed)) {
            if (classActor != null) {
                try {
                    ActorAccess.get().terminate(classActor, reason);
                } catch (Exception ignored) {
                    // as in a real actor: logged there, ignored here
                }
            }
            for (Consumer<ExitReason> hook : terminateHooks.reversed()) hook.accept(reason);
        }
    }

    // ------------------------------------------------------------------------------------------------ inspecting

    /** Returns the actor's own inbox: what it sent to {@code ctx.self()}. */
    public TestInbox<M> selfInbox() {
        return new TestInbox<>(self);
    }

    /** Returns a fresh inbox for the test to give the behavior, for replies for example. */
    public <T> TestInbox<T> inbox(String name) {
        return new TestInbox<>(Inbox.create(system, name));
    }

    /** Returns the inbox of a child the behavior spawned. */
    @SuppressWarnings("unchecked")
    public <C> TestInbox<C> childInbox(ActorRef<C> child) {
        TestInbox<?> inbox = children.get(child);
        if (inbox == null) throw new AssertionError(child + " is not a child spawned by the behavior");
        return (TestInbox<C>) inbox;
    }

    /** Returns and forgets every effect recorded so far, oldest first. */
    public List<Effect> retrieveAllEffects() {
        List<Effect> all = List.copyOf(effects);
        effects.clear();
        return all;
    }

    /** Takes the oldest effect and checks it is a {@code type}. */
    public <E extends Effect> E expectEffect(Class<E> type) {
        Effect effect = effects.pollFirst();
        if (!type.isInstance(effect)) {
            throw new AssertionError("expected a " + type.getSimpleName() + " effect but "
                    + (effect == null ? "there was none" : "the next was " + effect));
        }
        return type.cast(effect);
    }

    /** Checks that no effect is left. */
    public void expectNoEffects() {
        if (!effects.isEmpty()) throw new AssertionError("expected no effects but found " + effects);
    }

    /** Returns true until the behavior stops. */
    public boolean isAlive() {
        return exitReason == null;
    }

    /** Returns why the behavior stopped, if it has. */
    public Optional<ExitReason> exitReason() {
        return Optional.ofNullable(exitReason);
    }

    /** Returns the behavior that will handle the next message. */
    public Behavior<M> currentBehavior() {
        return behavior;
    }

    /** Returns the health the behavior last reported. */
    public Health health() {
        return health;
    }

    /** Returns the messages stashed and not yet put back, oldest first. */
    public List<M> stashed() {
        return List.copyOf(stash);
    }

    @Override
    public void close() {
        system.close();
    }

    // ------------------------------------------------------------------------------------------------ the context

    private final class Timer implements Cancellable {
        final Object message;
        final boolean periodic;
        boolean cancelled;

        Timer(Object message, boolean periodic) {
            this.message = message;
            this.periodic = periodic;
        }

        @SuppressWarnings("unchecked")
        M typed() {
            return (M) message;
        }

        @Override
        public boolean cancel() {
            if (cancelled) return false;
            cancelled = true;
            effects.add(new Effect.TimerCancelled(message));
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public String toString() {
            return (periodic ? "interval " : "after ") + message + (cancelled ? " (cancelled)" : "");
        }
    }

    private final class Context extends StubContext<M> {

        @Override
        public ActorRef<M> self() {
            return self.ref();
        }

        @Override
        public ActorSystem system() {
            return system;
        }

        @Override
        public <C> ActorRef<C> spawn(Behavior<C> child, SpawnOptions options) {
            return spawnChild(child, options, false);
        }

        @Override
        public <C> ActorRef<C> spawnLink(Behavior<C> child, SpawnOptions options) {
            return spawnChild(child, options, true);
        }

        private <C> ActorRef<C> spawnChild(Behavior<C> child, SpawnOptions options, boolean linked) {
            Objects.requireNonNull(child, "behavior");
            Inbox<C> inbox = Inbox.create(system, options.name() == null ? "child" : options.name());
            children.put(inbox.ref(), new TestInbox<>(inbox));
            effects.add(new Effect.Spawned(child, options.name(), inbox.ref(), linked));
            return inbox.ref();
        }

        @Override
        public void stop() {
            stopWith(ExitReason.NORMAL);
        }

        @Override
        public void stop(ActorRef<?> child) {
            if (!children.containsKey(child)) {
                throw new IllegalArgumentException(child + " is not a child of this actor");
            }
            effects.add(new Effect.Stopped(child));
        }

        @Override
        public void link(ActorRef<?> other) {
            effects.add(new Effect.Linked(other));
        }

        @Override
        public void unlink(ActorRef<?> other) {
            effects.add(new Effect.Unlinked(other));
        }

        @Override
        public void trapExits(Function<? super ExitSignal, ? extends M> adapter) {
            exitTrap = Objects.requireNonNull(adapter, "adapter");
            effects.add(new Effect.TrapsExits(true));
        }

        @Override
        public void stopTrappingExits() {
            exitTrap = null;
            effects.add(new Effect.TrapsExits(false));
        }

        @Override
        public MonitorRef monitor(ActorRef<?> target, Function<? super Down, ? extends M> adapter) {
            MonitorRef ref = system.newMonitorRef(target.pid());
            monitors.put(ref, Objects.requireNonNull(adapter, "adapter"));
            effects.add(new Effect.Monitored(target, ref));
            return ref;
        }

        @Override
        public boolean demonitor(MonitorRef monitor) {
            boolean active = monitors.remove(monitor) != null;
            if (active) effects.add(new Effect.Demonitored(monitor));
            return active;
        }

        @Override
        public void reportHealth(Health reported) {
            health = Objects.requireNonNull(reported, "health");
            effects.add(new Effect.HealthReported(reported));
        }

        @Override
        public void become(Behavior<M> next) {
            stack.push(behavior);
            try {
                behavior = resolve(next);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void unbecome() {
            if (stack.isEmpty()) throw new IllegalStateException("unbecome() with nothing to go back to");
            behavior = stack.pop();
        }

        @Override
        public Cancellable sendAfter(M message, Duration delay) {
            return timer(message, delay, false);
        }

        @Override
        public Cancellable sendInterval(M message, Duration interval) {
            return timer(message, interval, true);
        }

        private Cancellable timer(M message, Duration delay, boolean periodic) {
            Timer timer = new Timer(Objects.requireNonNull(message, "message"), periodic);
            timers.add(timer);
            effects.add(new Effect.Scheduled(message, delay, periodic));
            return timer;
        }

        @Override
        public void stash() {
            if (current == null) throw new IllegalStateException("stash() outside a message handler");
            stash.addLast(current);
            effects.add(new Effect.Stashed(current));
        }

        @Override
        public void unstashAll() {
            int n = stash.size();
            if (n == 0) return;
            unstashed.addAll(stash);
            stash.clear();
            effects.add(new Effect.Unstashed(n));
        }

        @Override
        public int stashSize() {
            return stash.size();
        }

        @Override
        public Optional<M> receive(Predicate<? super M> matcher, Duration timeout) {
            throw new UnsupportedOperationException("selective receive waits for other actors' messages; "
                    + "BehaviorTestKit runs one behavior synchronously. Test it under a Simulation.");
        }

        @Override
        public void onTerminate(Consumer<ExitReason> hook) {
            terminateHooks.add(Objects.requireNonNull(hook, "hook"));
        }
    }
}
