package io.heddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(30)
class MonitorTest {

    record Watch(ActorRef<?> target, CompletableFuture<MonitorRef> ref) {}

    record Unwatch(MonitorRef ref, CompletableFuture<Boolean> result) {}

    record Gone(Down down) {}

    record Marker(String name) {}

    /** Monitors on request and reports down notices and markers to the probe. */
    static Behavior<Object> watcher(Probe probe) {
        return (ctx, message) -> {
            switch (message) {
                case Watch(ActorRef<?> target, CompletableFuture<MonitorRef> ref) ->
                        ref.complete(ctx.monitor(target, Gone::new));
                case Unwatch(MonitorRef ref, CompletableFuture<Boolean> result) -> result.complete(ctx.demonitor(ref));
                default -> probe.tell(message);
            }
            return Behaviors.same();
        };
    }

    private static MonitorRef watch(ActorRef<Object> watcher, ActorRef<?> target) throws Exception {
        CompletableFuture<MonitorRef> ref = new CompletableFuture<>();
        watcher.cast(new Watch(target, ref));
        return ref.get(10, TimeUnit.SECONDS);
    }

    private static ExitReason await(ActorRef<?> ref) throws Exception {
        return ref.termination().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void theWatcherGetsADownNoticeWithTheExitReason(Backend backend) throws Exception {
        try (ActorSystem system = ActorSystem.create("monitors")) {
            Probe probe = new Probe();
            ActorRef<Object> watcher = system.spawn(watcher(probe), SpawnOptions.defaults().backend(backend));
            ActorRef<String> normal = system.spawn((ctx, m) -> Behaviors.stopped());
            ActorRef<String> crashing = system.spawn((ctx, m) -> {
                throw new IllegalStateException(m);
            });
            ActorRef<String> stopped = system.spawn((ctx, m) -> Behaviors.same());
            ActorRef<String> killed = system.spawn((ctx, m) -> Behaviors.same());

            MonitorRef m1 = watch(watcher, normal);
            normal.cast("stop");
            assertEquals(new Gone(new Down(m1, normal, ExitReason.NORMAL)), probe.next());

            MonitorRef m2 = watch(watcher, crashing);
            crashing.cast("broken");
            Down down = probe.expect(Gone.class).down();
            assertEquals(m2, down.monitor());
            assertEquals(crashing.pid(), down.pid());
            assertEquals("broken", assertInstanceOf(ExitReason.Error.class, down.reason()).cause().getMessage());

            MonitorRef m3 = watch(watcher, stopped);
            stopped.stop();
            assertEquals(new Gone(new Down(m3, stopped, ExitReason.SHUTDOWN)), probe.next());

            MonitorRef m4 = watch(watcher, killed);
            killed.kill();
            assertEquals(new Gone(new Down(m4, killed, ExitReason.KILLED)), probe.next());
            assertTrue(watcher.isAlive(), "a monitor never stops the watcher");
        }
    }

    @Test
    void monitoringAStoppedActorDeliversNoprocAtOnce() throws Exception {
        try (ActorSystem system = ActorSystem.create("monitors")) {
            Probe probe = new Probe();
            ActorRef<Object> watcher = system.spawn(watcher(probe));
            ActorRef<String> gone = system.spawn((ctx, m) -> Behaviors.stopped());
            gone.cast("stop");
            await(gone);
            MonitorRef ref = watch(watcher, gone);
            assertEquals(new Gone(new Down(ref, gone, ExitReason.NOPROC)), probe.next());
        }
    }

    @Test
    void twoMonitorsGiveTwoNotices() throws Exception {
        try (ActorSystem system = ActorSystem.create("monitors")) {
            Probe probe = new Probe();
            ActorRef<Object> watcher = system.spawn(watcher(probe));
            ActorRef<String> target = system.spawn((ctx, m) -> Behaviors.same());
            MonitorRef first = watch(watcher, target);
            MonitorRef second = watch(watcher, target);
            assertNotEquals(first, second);
            target.stop();
            Down a = probe.expect(Gone.class).down();
            Down b = probe.expect(Gone.class).down();
            assertEquals(java.util.Set.of(first, second), java.util.Set.of(a.monitor(), b.monitor()));
        }
    }

    @Test
    void demonitorMeansNoNotice() throws Exception {
        try (ActorSystem system = ActorSystem.create("monitors")) {
            Probe probe = new Probe();
            ActorRef<Object> watcher = system.spawn(watcher(probe));
            ActorRef<String> target = system.spawn((ctx, m) -> Behaviors.same());
            MonitorRef ref = watch(watcher, target);
            CompletableFuture<Boolean> removed = new CompletableFuture<>();
            watcher.cast(new Unwatch(ref, removed));
            assertTrue(removed.get(10, TimeUnit.SECONDS));
            target.stop();
            await(target);
            watcher.cast(new Marker("after"));
            assertEquals(new Marker("after"), probe.next());
            CompletableFuture<Boolean> again = new CompletableFuture<>();
            watcher.cast(new Unwatch(ref, again));
            assertFalse(again.get(10, TimeUnit.SECONDS), "a monitor ends once");
        }
    }

    @Test
    void demonitorAfterTheNoticeWasQueuedDiscardsIt() throws Exception {
        try (ActorSystem system = ActorSystem.create("monitors")) {
            Probe probe = new Probe();
            ActorRef<String> target = system.spawn((ctx, m) -> Behaviors.same());
            CompletableFuture<Void> targetDead = new CompletableFuture<>();
            CompletableFuture<Void> inHandler = new CompletableFuture<>();
            ActorRef<Object> watcher = system.start(Behaviors.setup(ctx -> {   // start: the monitor is in place
                MonitorRef ref = ctx.monitor(target, Gone::new);
                return (c, message) -> {
                    if (message.equals("demonitor once dead")) {
                        inHandler.complete(null);
                        targetDead.join();           // the notice is in our control lane by now
                        probe.tell(c.demonitor(ref));
                    } else {
                        probe.tell(message);
                    }
                    return Behaviors.same();
                };
            }));
            watcher.cast("demonitor once dead");
            inHandler.join();                        // else the notice could arrive first, and be handled first
            target.stop();
            await(target);
            targetDead.complete(null);
            assertEquals(true, probe.next(), "the monitor was still active when demonitor ran");
            watcher.cast(new Marker("after"));
            assertEquals(new Marker("after"), probe.next(), "the queued notice was discarded");
        }
    }

    @Test
    void selectiveReceiveCanWaitForADownNotice() throws Exception {
        try (ActorSystem system = ActorSystem.create("monitors")) {
            Probe probe = new Probe();
            ActorRef<String> target = system.spawn((ctx, m) -> Behaviors.stopped());
            ActorRef<Object> watcher = system.spawn((ctx, message) -> {
                if (message.equals("watch and wait")) {
                    ctx.monitor(target, Gone::new);
                    target.cast("stop");
                    Optional<Gone> gone = ctx.receive(Gone.class, Duration.ofSeconds(10));
                    probe.tell(gone.orElseThrow());
                } else {
                    probe.tell(message);
                }
                return Behaviors.same();
            });
            watcher.cast("watch and wait");
            Gone gone = probe.expect(Gone.class);
            assertSame(target, gone.down().actor());
            assertEquals(ExitReason.NORMAL, gone.down().reason());
        }
    }

    @Test
    void monitoringItselfIsRefused() throws Exception {
        try (ActorSystem system = ActorSystem.create("monitors")) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            system.spawn(Behaviors.setup(ctx -> {
                try {
                    ctx.monitor(ctx.self(), d -> d);
                } catch (IllegalArgumentException e) {
                    failure.complete(e);
                }
                return Behaviors.same();
            }));
            assertTrue(failure.get(10, TimeUnit.SECONDS).getMessage().contains("cannot monitor itself"));
        }
    }

    /** The target dies while the monitor is being made: exactly one notice, with the reason or noproc. */
    @Test
    void aMonitorRacingTheTargetsExitYieldsExactlyOneNotice() throws Exception {
        try (ActorSystem system = ActorSystem.create("monitors")) {
            Probe probe = new Probe();
            ActorRef<Object> watcher = system.spawn(watcher(probe));
            int rounds = 2_000;
            for (int i = 0; i < rounds; i++) {
                ActorRef<String> target = system.spawn((ctx, m) -> Behaviors.stopped());
                target.cast("stop");
                watcher.cast(new Watch(target, new CompletableFuture<>()));
                Down down = probe.expect(Gone.class).down();
                assertSame(target, down.actor());
                assertTrue(down.reason() == ExitReason.NOPROC || down.reason() == ExitReason.NORMAL, down::toString);
            }
            watcher.cast(new Marker("end"));
            assertEquals(new Marker("end"), probe.next(), "no duplicate notice");
        }
    }

    @Test
    void monitorsWorkAcrossSystems() throws Exception {
        try (ActorSystem a = ActorSystem.create("monitors-a"); ActorSystem b = ActorSystem.create("monitors-b")) {
            Probe probe = new Probe();
            ActorRef<Object> watcher = a.spawn(watcher(probe));
            ActorRef<String> target = b.spawn((ctx, m) -> Behaviors.same());
            MonitorRef ref = watch(watcher, target);
            target.stop();
            assertEquals(new Gone(new Down(ref, target, ExitReason.SHUTDOWN)), probe.next());
        }
    }
}
