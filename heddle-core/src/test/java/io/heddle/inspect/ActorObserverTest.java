package io.heddle.inspect;

import io.heddle.spi.ActorObserver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Behaviors;
import io.heddle.ExitReason;
import io.heddle.Pid;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.scheduling.HandlerKind;
import io.heddle.supervision.ChildSpec;
import io.heddle.supervision.Supervisor;
import io.heddle.supervision.SupervisorSpec;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The observer SPI: lifecycle events, and a context carried from sender to handler through cast and call. */
class ActorObserverTest {

    /** Records lifecycle events; traces by carrying the sending thread's "context" (a thread-local string). */
    static final class Recorder implements ActorObserver {
        static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();
        final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void systemStarted(ActorSystem system) {
            events.add("system started " + system.name());
        }

        @Override
        public void actorStarted(Pid pid, String name, String label, ActorKind kind) {
            if (name != null) events.add("started " + name + " " + kind);
        }

        @Override
        public void actorStopped(Pid pid, String name, String label, ActorKind kind, ExitReason reason,
                                 Duration lifetime) {
            if (name != null) events.add("stopped " + name + " " + reason);
        }

        @Override
        public void actorRestarted(Pid supervisor, String childId, Pid previous, Pid next, ExitReason reason,
                                   int restarts) {
            events.add("restarted " + childId + " #" + restarts + " after " + reason.getClass().getSimpleName()
                    + (previous.equals(next) ? " (same pid!)" : ""));
        }

        @Override
        public boolean tracesMessages() {
            return true;
        }

        @Override
        public Object onSend(Pid target, Object message) {
            return CONTEXT.get();
        }

        @Override
        public Object beforeHandler(Pid actor, String name, String label, HandlerKind kind, Object message,
                                    Object carried) {
            CONTEXT.set((String) carried);
            return "token:" + message;
        }

        @Override
        public void afterHandler(Object token, Throwable failure) {
            CONTEXT.remove();
            if (failure != null) events.add("failed " + token + ": " + failure.getMessage());
        }

        String next() throws InterruptedException {
            String e = events.poll(10, TimeUnit.SECONDS);
            if (e == null) throw new AssertionError("no event within 10 s");
            return e;
        }
    }

    record Relay(ActorRef<Seen> to) {}

    record Seen(String context, ReplyTo<String> replyTo) {}

    @Test
    void aContextTravelsFromSenderToHandlerThroughCastAndCall() throws Exception {
        Recorder recorder = new Recorder();
        try (ActorSystem system = ActorSystem.create(ActorSystemConfig.defaults("traced").observer(recorder))) {
            assertEquals("system started traced", recorder.next());
            LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
            ActorRef<Seen> last = system.spawn((ctx, m) -> {
                seen.add("last saw " + Recorder.CONTEXT.get());
                if (m.replyTo() != null) m.replyTo().reply(Recorder.CONTEXT.get());
                return Behaviors.same();
            });
            ActorRef<Relay> first = system.spawn((ctx, m) -> {
                seen.add("first saw " + Recorder.CONTEXT.get());
                m.to().cast(new Seen(null, null));            // the handler's context travels on
                return Behaviors.same();
            });
            Recorder.CONTEXT.set("trace-1");
            try {
                first.cast(new Relay(last));
                assertEquals("first saw trace-1", seen.poll(10, TimeUnit.SECONDS));
                assertEquals("last saw trace-1", seen.poll(10, TimeUnit.SECONDS));
                Recorder.CONTEXT.set("trace-2");
                assertEquals("trace-2", last.<String>call(r -> new Seen(null, r)));
                last.castUrgent(new Seen(null, null));
                assertEquals("last saw trace-2", seen.poll(10, TimeUnit.SECONDS));
                assertEquals("last saw trace-2", seen.poll(10, TimeUnit.SECONDS));
            } finally {
                Recorder.CONTEXT.remove();
            }
        }
    }

    @Test
    void lifecycleEventsAndAFailedHandlerAreReported() throws Exception {
        Recorder recorder = new Recorder();
        try (ActorSystem system = ActorSystem.create(ActorSystemConfig.defaults("life").observer(recorder))) {
            recorder.next(); // system started
            ChildSpec<String> spec = ChildSpec.<String>worker("worker", () -> (ctx, m) -> {
                throw new IllegalStateException("boom");
            }).options(SpawnOptions.named("worker"));
            Supervisor supervisor = Supervisor.start(system, SupervisorSpec.oneForOne().child(spec),
                    SpawnOptions.named("sup"));
            assertEquals("started worker ACTOR", recorder.next());
            assertEquals("started sup SUPERVISOR", recorder.next());
            ActorRef<String> worker = supervisor.child(spec).orElseThrow();
            worker.cast("crash");
            assertEquals("failed token:crash: boom", recorder.next());
            assertTrue(recorder.next().startsWith("stopped worker error"));
            assertEquals("started worker ACTOR", recorder.next());
            assertEquals("restarted worker #1 after Error", recorder.next());
        }
    }
    /** Throws from every message callback. */
    static final class Broken implements ActorObserver {
        @Override
        public boolean tracesMessages() {
            return true;
        }

        @Override
        public Object onSend(Pid target, Object message) {
            throw new IllegalStateException("broken onSend");
        }

        @Override
        public Object beforeHandler(Pid actor, String name, String label, HandlerKind kind, Object message,
                                    Object carried) {
            throw new IllegalStateException("broken beforeHandler");
        }

        @Override
        public void afterHandler(Object token, Throwable failure) {
            throw new IllegalStateException("broken afterHandler");
        }
    }

    /** An observer that throws fails neither the send nor the handler, and the others still see both. */
    @Test
    void aThrowingObserverBreaksNothing() throws Exception {
        Recorder recorder = new Recorder();
        // Before-callbacks run in order and after-callbacks in reverse: the broken one throws after the recorder's
        // beforeHandler and before its afterHandler.
        ActorSystemConfig config = ActorSystemConfig.defaults("broken").observer(recorder).observer(new Broken());
        try (ActorSystem system = ActorSystem.create(config)) {
            recorder.next(); // system started
            ActorRef<Seen> echo = system.spawn((ctx, m) -> {
                if (m.replyTo() == null) throw new IllegalStateException("no reply handle");
                m.replyTo().reply("context " + Recorder.CONTEXT.get());
                return Behaviors.same();
            });
            Recorder.CONTEXT.set("trace-3");
            try {
                assertEquals("context trace-3", echo.<String>call(r -> new Seen(null, r)));
            } finally {
                Recorder.CONTEXT.remove();
            }
            echo.cast(new Seen(null, null));
            assertEquals("failed token:Seen[context=null, replyTo=null]: no reply handle", recorder.next(),
                    "the recorder's afterHandler ran after the broken one threw");
        }
    }

    /** By the time termination() completes, observers have heard of the stop. */
    @Test
    void observersHearOfAStopBeforeTerminationCompletes() throws Exception {
        java.util.Set<Pid> stopped = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ActorObserver observer = new ActorObserver() {
            @Override
            public void actorStopped(Pid pid, String name, String label, ActorKind kind, ExitReason reason,
                                     Duration lifetime) {
                stopped.add(pid);
            }
        };
        try (ActorSystem system = ActorSystem.create(ActorSystemConfig.defaults("ordered").observer(observer))) {
            for (int i = 0; i < 200; i++) {
                ActorRef<String> actor = system.spawn((ctx, m) -> {
                    throw new IllegalStateException("crash " + m);
                });
                actor.cast("now");
                actor.termination().get(10, TimeUnit.SECONDS);
                assertTrue(stopped.contains(actor.pid()), "actorStopped before termination() of " + actor);
            }
        }
    }
}
