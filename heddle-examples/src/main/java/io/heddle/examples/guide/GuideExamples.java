package io.heddle.examples.guide;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Backend;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.CallTimeoutException;
import io.heddle.Cancellable;
import io.heddle.DeadLetter;
import io.heddle.ExitReason;
import io.heddle.Mailbox;
import io.heddle.ReplyTo;
import io.heddle.SendResult;
import io.heddle.SpawnOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The examples of docs/getting-started.md, each runnable; ShowcaseTest's neighbour GuideExamplesTest runs them. */
public final class GuideExamples {

    private GuideExamples() {}

    // --- Functional behaviors and become -------------------------------------------------------------------------

    sealed interface Light permits Toggle, Query {}

    record Toggle() implements Light {}

    record Query(ReplyTo<String> replyTo) implements Light {}

    static Behavior<Light> off() {
        return (ctx, msg) -> switch (msg) {
            case Toggle t -> on();                      // the next message is handled by on()
            case Query(ReplyTo<String> replyTo) -> {
                replyTo.reply("off");
                yield Behaviors.same();
            }
        };
    }

    static Behavior<Light> on() {
        return (ctx, msg) -> switch (msg) {
            case Toggle t -> off();
            case Query(ReplyTo<String> replyTo) -> {
                replyTo.reply("on");
                yield Behaviors.same();
            }
        };
    }

    public static String lightSwitch() {
        try (ActorSystem system = ActorSystem.create("lights")) {
            ActorRef<Light> light = system.spawn(off());
            light.cast(new Toggle());
            return light.call(Query::new);               // "on"
        }
    }

    // --- Setup, terminate hooks and timers -----------------------------------------------------------------------

    record Tick() {}

    public static int heartbeat() throws Exception {
        CompletableFuture<Integer> beats = new CompletableFuture<>();
        try (ActorSystem system = ActorSystem.create("timers")) {
            system.spawn(Behaviors.<Tick>setup(ctx -> {
                Cancellable timer = ctx.sendInterval(new Tick(), Duration.ofMillis(10));
                ctx.onTerminate(reason -> timer.cancel());
                int[] count = {0};
                return (c, tick) -> {
                    if (++count[0] == 3) {
                        beats.complete(count[0]);
                        return Behaviors.stopped();
                    }
                    return Behaviors.same();
                };
            }));
            return beats.get(10, TimeUnit.SECONDS);
        }
    }

    // --- Calls: timeouts and failures ----------------------------------------------------------------------------

    record Slow(ReplyTo<String> replyTo) {}

    public static String callTimeout() {
        try (ActorSystem system = ActorSystem.create("calls")) {
            ActorRef<Slow> silent = system.spawn((ctx, msg) -> Behaviors.same()); // never replies
            try {
                return silent.call(Slow::new, Duration.ofMillis(100));
            } catch (CallTimeoutException e) {
                // "call to <0.1.0> timed out after 100 ms waiting for a reply to Slow (mailbox depth 0). ..."
                return e.getMessage();
            }
        }
    }

    // --- Selective receive ---------------------------------------------------------------------------------------

    record Job(int id) {}

    record Done(int id) {}

    public static List<Object> selectiveReceive() throws Exception {
        List<Object> seen = new ArrayList<>();
        CompletableFuture<List<Object>> result = new CompletableFuture<>();
        try (ActorSystem system = ActorSystem.create("receive")) {
            ActorRef<Object> worker = system.spawn((ctx, msg) -> {
                if (msg instanceof Job(int id)) {
                    // Wait for this job's Done, leaving every other message queued, in order.
                    Optional<Done> done = ctx.receive(Done.class, Duration.ofSeconds(5));
                    seen.add("job " + id + " finished: " + done.isPresent());
                } else {
                    seen.add(msg);
                }
                if (msg.equals("end")) result.complete(List.copyOf(seen));
                return Behaviors.same();
            });
            worker.cast(new Job(1));
            worker.cast("news");
            worker.cast(new Done(1));
            worker.cast("end");
            return result.get(10, TimeUnit.SECONDS);  // [job 1 finished: true, news, end]
        }
    }

    // --- Mailboxes and dead letters ------------------------------------------------------------------------------

    public static List<DeadLetter.Reason> mailboxes() throws Exception {
        List<DeadLetter.Reason> reasons = new ArrayList<>();
        try (ActorSystem system = ActorSystem.create("mailboxes")) {
            system.deadLetters().subscribe(letter -> {
                synchronized (reasons) {
                    reasons.add(letter.reason());
                }
            });
            CompletableFuture<Void> busyNow = new CompletableFuture<>();
            CompletableFuture<Void> release = new CompletableFuture<>();
            ActorRef<String> busy = system.spawn((ctx, msg) -> {
                busyNow.complete(null);
                release.join();                          // stays busy until released
                return Behaviors.same();
            }, SpawnOptions.named("busy").mailbox(Mailbox.dropping(1)));
            busy.cast("first");
            busyNow.join();                              // "first" is being handled; the mailbox is empty
            busy.cast("second");                         // fills the mailbox
            SendResult<String> third = busy.tryCast("third");
            if (third instanceof SendResult.Dropped<String>(String message)) {
                System.out.println("handed back: " + message);   // not a dead letter: we have it back
            }
            busy.cast("fourth");                         // dropped: DeadLetter.Reason.DROPPED
            release.complete(null);
        }
        synchronized (reasons) {
            return List.copyOf(reasons);
        }
    }

    // --- Backends and shutdown -----------------------------------------------------------------------------------

    public static ExitReason backends() throws Exception {
        var config = ActorSystemConfig.defaults("backends").shutdownTimeout(Duration.ofSeconds(2));
        try (ActorSystem system = ActorSystem.create(config)) {
            ActorRef<String> io = system.spawn((ctx, path) -> {
                // Blocking JDK I/O is fine here: this actor has a virtual thread of its own.
                return Behaviors.same();
            }, SpawnOptions.named("file-reader").backend(Backend.virtualThread()));
            io.stop();
            return io.termination().get(10, TimeUnit.SECONDS);   // ExitReason.SHUTDOWN
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println(lightSwitch());
        System.out.println(heartbeat());
        System.out.println(callTimeout());
        System.out.println(selectiveReceive());
        System.out.println(mailboxes());
        System.out.println(backends());
    }
}
