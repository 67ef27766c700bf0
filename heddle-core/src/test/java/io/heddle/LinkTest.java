package io.heddle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(30)
class LinkTest {

    record Link(ActorRef<?> other) {}

    record Unlink(ActorRef<?> other) {}

    record Crash(String why) {}

    record Marker(String name) {}

    record Trapped(ExitSignal signal) {}

    /** Links on request, crashes on request, reports markers and trapped signals to the probe. */
    static Behavior<Object> peer(Probe probe, boolean trap) {
        return Behaviors.setup(ctx -> {
            if (trap) ctx.trapExits(Trapped::new);
            return (c, message) -> {
                switch (message) {
                    case Link(ActorRef<?> other) -> c.link(other);
                    case Unlink(ActorRef<?> other) -> c.unlink(other);
                    case Crash(String why) -> throw new IllegalStateException(why);
                    default -> probe.tell(message);
                }
                return Behaviors.same();
            };
        });
    }

    private static ExitReason await(ActorRef<?> ref) throws Exception {
        return ref.termination().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void anAbnormalExitStopsTheLinkedActorWithALinkedReason(Backend backend) throws Exception {
        try (ActorSystem system = ActorSystem.create("links")) {
            Probe probe = new Probe();
            ActorRef<Object> a = system.spawn(peer(probe, false), SpawnOptions.named("a").backend(backend));
            ActorRef<Object> b = system.spawn(peer(probe, false), SpawnOptions.named("b").backend(backend));
            a.cast(new Link(b));
            a.cast(new Marker("linked"));
            assertEquals(new Marker("linked"), probe.next());
            b.cast(new Crash("b fails"));
            ExitReason bReason = await(b);
            ExitReason aReason = await(a);
            assertInstanceOf(ExitReason.Error.class, bReason);
            assertEquals(ExitReason.linked(b.pid(), bReason), aReason);
            assertTrue(aReason.isAbnormal());
        }
    }

    @Test
    void linksWorkBothWays() throws Exception {
        try (ActorSystem system = ActorSystem.create("links")) {
            Probe probe = new Probe();
            ActorRef<Object> a = system.spawn(peer(probe, false));
            ActorRef<Object> b = system.spawn(peer(probe, false));
            a.cast(new Link(b));
            a.cast(new Marker("linked"));
            probe.next();
            a.cast(new Crash("a fails"));
            assertEquals(ExitReason.linked(a.pid(), await(a)), await(b));
        }
    }

    @Test
    void aNormalOrShutdownExitDoesNotStopANonTrappingLinkedActor() throws Exception {
        try (ActorSystem system = ActorSystem.create("links")) {
            Probe probe = new Probe();
            ActorRef<Object> survivor = system.spawn(peer(probe, false));
            ActorRef<Object> normal = system.spawn((ctx, m) -> Behaviors.stopped());
            ActorRef<Object> shutdown = system.spawn(peer(new Probe(), false));
            survivor.cast(new Link(normal));
            survivor.cast(new Link(shutdown));
            survivor.cast(new Marker("linked"));
            probe.next();
            normal.cast("stop now");
            shutdown.stop();
            assertEquals(ExitReason.NORMAL, await(normal));
            assertEquals(ExitReason.SHUTDOWN, await(shutdown));
            // Both exit signals were queued in the control lane before the exits completed; the marker comes after.
            survivor.cast(new Marker("after"));
            assertEquals(new Marker("after"), probe.next());
            assertTrue(survivor.isAlive());
        }
    }

    @ParameterizedTest
    @MethodSource("io.heddle.TestBackends#all")
    void aTrappingActorReceivesEveryExitAsAMessageAndLives(Backend backend) throws Exception {
        try (ActorSystem system = ActorSystem.create("links")) {
            Probe probe = new Probe();
            ActorRef<Object> trapper = system.spawn(peer(probe, true), SpawnOptions.defaults().backend(backend));
            ActorRef<Object> normal = system.spawn((ctx, m) -> Behaviors.stopped());
            ActorRef<Object> crashing = system.spawn(peer(new Probe(), false));
            ActorRef<Object> stopped = system.spawn(peer(new Probe(), false));
            ActorRef<Object> killed = system.spawn(peer(new Probe(), false));
            for (ActorRef<Object> other : List.of(normal, crashing, stopped, killed)) trapper.cast(new Link(other));
            trapper.cast(new Marker("linked"));
            probe.next();

            normal.cast("go");
            assertEquals(new Trapped(new ExitSignal(normal, ExitReason.NORMAL)), probe.next());
            crashing.cast(new Crash("bad input"));
            Trapped crash = probe.expect(Trapped.class);
            assertSame(crashing, crash.signal().from());
            assertInstanceOf(ExitReason.Error.class, crash.signal().reason());
            stopped.stop();
            assertEquals(new Trapped(new ExitSignal(stopped, ExitReason.SHUTDOWN)), probe.next());
            killed.kill();
            assertEquals(new Trapped(new ExitSignal(killed, ExitReason.KILLED)), probe.next());
            assertTrue(trapper.isAlive());
        }
    }

    @Test
    void killIsNotTrappable() throws Exception {
        try (ActorSystem system = ActorSystem.create("links")) {
            ActorRef<Object> trapper = system.spawn(peer(new Probe(), true));
            trapper.kill();
            assertEquals(ExitReason.KILLED, await(trapper));
        }
    }

    @Test
    void aKilledActorStopsItsNonTrappingLinkedActors() throws Exception {
        try (ActorSystem system = ActorSystem.create("links")) {
            Probe probe = new Probe();
            ActorRef<Object> a = system.spawn(peer(probe, false));
            ActorRef<Object> b = system.spawn(peer(probe, false));
            a.cast(new Link(b));
            a.cast(new Marker("linked"));
            probe.next();
            b.kill();
            assertEquals(ExitReason.linked(b.pid(), ExitReason.KILLED), await(a));
        }
    }

    @Test
    void unlinkBeforeTheExitMeansNoSignal() throws Exception {
        try (ActorSystem system = ActorSystem.create("links")) {
            Probe probe = new Probe();
            ActorRef<Object> a = system.spawn(peer(probe, true));
            ActorRef<Object> b = system.spawn(peer(new Probe(), false));
            a.cast(new Link(b));
            a.cast(new Unlink(b));
            a.cast(new Marker("unlinked"));
            assertEquals(new Marker("unlinked"), probe.next());
            b.cast(new Crash("alone"));
            await(b);
            a.cast(new Marker("after"));
            assertEquals(new Marker("after"), probe.next(), "no exit signal arrived before the marker");
        }
    }

    @Test
    void unlinkAfterTheExitButBeforeItIsHandledDropsTheSignal() throws Exception {
        try (ActorSystem system = ActorSystem.create("links")) {
            Probe probe = new Probe();
            ActorRef<Object> b = system.spawn(peer(new Probe(), false));
            CompletableFuture<Void> bDead = new CompletableFuture<>();
            ActorRef<Object> a = system.start(Behaviors.setup(ctx -> {   // start: the link is in place
                ctx.trapExits(Trapped::new);
                ctx.link(b);
                return (c, message) -> {
                    if (message.equals("unlink once b is dead")) {
                        bDead.join();                 // b's exit signal is in our control lane by now
                        c.unlink(b);
                    } else {
                        probe.tell(message);
                    }
                    return Behaviors.same();
                };
            }));
            a.cast("unlink once b is dead");
            b.cast(new Crash("dies while a is busy"));
            await(b);
            bDead.complete(null);
            a.cast(new Marker("after"));
            assertEquals(new Marker("after"), probe.next(), "the signal of an unlinked actor is discarded");
        }
    }

    @Test
    void linkingToAStoppedActorDeliversNoprocAtOnce() throws Exception {
        try (ActorSystem system = ActorSystem.create("links")) {
            Probe probe = new Probe();
            ActorRef<Object> gone = system.spawn((ctx, m) -> Behaviors.stopped());
            gone.cast("stop");
            await(gone);

            ActorRef<Object> trapper = system.spawn(peer(probe, true));
            trapper.cast(new Link(gone));
            assertEquals(new Trapped(new ExitSignal(gone, ExitReason.NOPROC)), probe.next());

            ActorRef<Object> plain = system.spawn(peer(probe, false));
            plain.cast(new Link(gone));
            assertEquals(ExitReason.linked(gone.pid(), ExitReason.NOPROC), await(plain));
        }
    }

    @Test
    void spawnLinkLinksBeforeTheChildRunsSoAnInitFailureIsSeen() throws Exception {
        try (ActorSystem system = ActorSystem.create("links")) {
            Probe probe = new Probe();
            system.spawn(Behaviors.setup(ctx -> {
                ctx.trapExits(Trapped::new);
                ctx.spawnLink(Behaviors.setup(child -> {
                    throw new IllegalStateException("cannot start");
                }));
                return (c, message) -> {
                    probe.tell(message);
                    return Behaviors.same();
                };
            }));
            Trapped trapped = probe.expect(Trapped.class);
            ExitReason.Error error = assertInstanceOf(ExitReason.Error.class, trapped.signal().reason());
            assertEquals("cannot start", error.cause().getMessage());
        }
    }

    @Test
    void linkingToItselfIsRefused() throws Exception {
        try (ActorSystem system = ActorSystem.create("links")) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            system.spawn(Behaviors.setup(ctx -> {
                failure.complete(assertThrows(IllegalArgumentException.class, () -> ctx.link(ctx.self())));
                return Behaviors.same();
            }));
            assertTrue(failure.get(10, TimeUnit.SECONDS).getMessage().contains("cannot link to itself"));
        }
    }

    /**
     * The race of the issue: the target dies while the link is being made. Whatever the interleaving, the linker hears
     * of the exit exactly once: through the link (the target's own reason) or as noproc.
     */
    @Test
    void aLinkRacingTheTargetsExitYieldsExactlyOneSignal() throws Exception {
        try (ActorSystem system = ActorSystem.create("links")) {
            int rounds = 2_000;
            Probe probe = new Probe();
            ActorRef<Object> trapper = system.spawn(peer(probe, true));
            int viaLink = 0;
            int noproc = 0;
            for (int i = 0; i < rounds; i++) {
                ActorRef<Object> target = system.spawn((ctx, m) -> Behaviors.stopped());
                target.cast("stop");                   // races with the link below
                trapper.cast(new Link(target));
                Trapped trapped = probe.expect(Trapped.class);
                assertSame(target, trapped.signal().from());
                if (trapped.signal().reason() == ExitReason.NOPROC) noproc++;
                else {
                    assertEquals(ExitReason.NORMAL, trapped.signal().reason());
                    viaLink++;
                }
            }
            trapper.cast(new Marker("end"));
            assertEquals(new Marker("end"), probe.next(), "no duplicate signal");
            assertEquals(rounds, viaLink + noproc);
        }
    }
}
