package io.heddle.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Handlers that block in JDK code Heddle cannot see do not stop other actors: on one worker, with every worker held by
 * such a handler, a call to an idle actor is still answered. Each test releases the held handlers only after that
 * call returned, so without compensation the call could not be answered (it would time out). No sleeps: the held
 * handlers wait on latches, locks, sockets or flags the test controls.
 */
class BlockingCompensationTest {

    record Hold(Runnable block) {}

    record Ping(ReplyTo<String> replyTo) {}

    private static final Behavior<Hold> HOLDER = (ctx, hold) -> {
        hold.block().run();
        return Behaviors.same();
    };

    private static final Behavior<Ping> PONG = (ctx, ping) -> {
        ping.replyTo().reply("pong");
        return Behaviors.same();
    };

    private static ActorSystem system(Blocking blocking, Consumer<SchedulingEvent> events) {
        return ActorSystem.create(ActorSystemConfig.defaults("blocking").parallelism(1).blocking(blocking)
                .callTimeout(Duration.ofSeconds(10)).watchdog(Watchdog.disabled()).schedulingListener(events::accept));
    }

    /** Holds {@code holders} actors in {@code block}, then calls an idle actor; releases them with {@code release}. */
    private static void callWhileHeld(int holders, Runnable block, Runnable release) {
        try (ActorSystem system = system(Blocking.defaults(), e -> {})) {
            CountDownLatch entered = new CountDownLatch(holders);
            for (int i = 0; i < holders; i++) {
                system.spawn(HOLDER).cast(new Hold(() -> {
                    entered.countDown();
                    block.run();
                }));
            }
            await(entered);
            ActorRef<Ping> idle = system.spawn(PONG);
            try {
                assertEquals("pong", idle.call(Ping::new));
            } finally {
                release.run();
            }
        }
    }

    @Test
    void aCallIsAnsweredWhileEveryWorkerIsParkedOnALatch() {
        CountDownLatch gate = new CountDownLatch(1);
        callWhileHeld(4, () -> await(gate), gate::countDown);
    }

    @Test
    void aCallIsAnsweredWhileWorkersWaitOnAJdkLock() {
        ReentrantLock lock = new ReentrantLock();
        lock.lock(); // held by the test thread until the call returned
        callWhileHeld(3, () -> {
            lock.lock();
            lock.unlock();
        }, lock::unlock);
    }

    @Test
    void aCallIsAnsweredWhileWorkersBlockInObjectWait() {
        Object monitor = new Object();
        AtomicBoolean open = new AtomicBoolean();
        callWhileHeld(2, () -> {
            synchronized (monitor) {
                while (!open.get()) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }, () -> {
            synchronized (monitor) {
                open.set(true);
                monitor.notifyAll();
            }
        });
    }

    @Test
    void aCallIsAnsweredWhileWorkersBlockInASocketRead() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            callWhileHeld(2, () -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                     InputStream in = s.getInputStream()) {
                    in.read(); // nothing is written until the test closes its end
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, () -> {
                try {
                    for (int i = 0; i < 2; i++) accepted.add(server.accept());
                    for (Socket s : accepted) s.close();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void aCallIsAnsweredWhileWorkersSpinOnTheCpu() {
        AtomicBoolean done = new AtomicBoolean();
        callWhileHeld(2, () -> {
            while (!done.get()) Thread.onSpinWait();
        }, () -> done.set(true));
    }

    record Kick(ActorRef<String> next, CountDownLatch gate) {}

    @Test
    void anActorMadeReadyByAHandlerThatThenBlocksIsNotKeptBehindIt() {
        // The kicker's cast puts the target in its worker's next-to-run slot (the kicker's mailbox is empty), and then
        // the kicker blocks: the target must still run.
        try (ActorSystem system = system(Blocking.defaults(), e -> {})) {
            CountDownLatch ran = new CountDownLatch(1);
            CountDownLatch gate = new CountDownLatch(1);
            ActorRef<String> target = system.spawn((ctx, s) -> {
                ran.countDown();
                return Behaviors.same();
            });
            ActorRef<Kick> kicker = system.spawn((ctx, kick) -> {
                kick.next().cast("go");
                await(kick.gate());
                return Behaviors.same();
            });
            kicker.cast(new Kick(target, gate));
            try {
                await(ran);
            } finally {
                gate.countDown();
            }
        }
    }

    @Test
    void reachingTheLimitIsReportedWithTheActorsThatHoldWorkers() throws Exception {
        LinkedBlockingQueue<SchedulingEvent> events = new LinkedBlockingQueue<>();
        CountDownLatch gate = new CountDownLatch(1);
        try (ActorSystem system = system(Blocking.defaults().maxCompensating(1), events::add)) {
            ActorRef<Hold> first = system.spawn(HOLDER, SpawnOptions.named("first"));
            ActorRef<Hold> second = system.spawn(HOLDER, SpawnOptions.named("second"));
            first.cast(new Hold(() -> await(gate)));
            second.cast(new Hold(() -> await(gate)));
            WorkersExhausted exhausted = null;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (exhausted == null) {
                SchedulingEvent e = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e == null) throw new AssertionError("no WorkersExhausted within 20 s");
                if (e instanceof WorkersExhausted x) exhausted = x;
            }
            assertEquals(1, exhausted.limit());
            assertEquals("blocking", exhausted.system());
            assertEquals(1, exhausted.heldBy().size(), exhausted.toString());
            assertTrue(List.of(first.pid(), second.pid()).contains(exhausted.heldBy().getFirst()), exhausted.toString());
            assertTrue(exhausted.toString().contains("Blocking.maxCompensating"), exhausted.toString());
            gate.countDown();
            // Once the held turns end, the dispatcher serves again.
            assertEquals("pong", system.spawn(PONG).call(Ping::new));
        } finally {
            gate.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new AssertionError("latch not released within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
