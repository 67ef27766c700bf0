package io.heddle.observe.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.heddle.ActorContext;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.ActorSystemConfig;
import io.heddle.Backend;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.CallFailedException;
import io.heddle.Pid;
import io.heddle.ReplyTo;
import io.heddle.SpawnOptions;
import io.heddle.spi.ActorObserver;
import io.heddle.observe.testing.CapturedLogs;
import io.heddle.observe.testing.EventLog;
import io.heddle.scheduling.HandlerKind;
import io.heddle.scheduling.Watchdog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The SLF4J adapter with Logback: lines logged in a handler carry the actor in the MDC, lines logged elsewhere do not,
 * and a handler's thread has its MDC back as it was once the handler is over, on every backend.
 */
class HeddleMdcTest {

    private static final Logger LOG = LoggerFactory.getLogger(HeddleMdcTest.class);

    /** Logs the text of a note; replies to a question after logging it; throws on a failing request. */
    sealed interface ClerkMsg {}

    record Note(String text) implements ClerkMsg {}

    record Question(String text, ReplyTo<String> replyTo) implements ClerkMsg {}

    record Fail(ReplyTo<String> replyTo) implements ClerkMsg {}

    /** Unnamed, it is labelled HeddleMdcTest$Clerk. */
    record Clerk() implements Behavior<ClerkMsg> {
        @Override
        public Behavior<ClerkMsg> receive(ActorContext<ClerkMsg> context, ClerkMsg message) {
            switch (message) {
                case Note(String text) -> LOG.info(text);
                case Question(String text, ReplyTo<String> replyTo) -> {
                    LOG.info(text);
                    replyTo.reply("noted");
                }
                case Fail fail -> throw new IllegalStateException("refused");
            }
            return Behaviors.same();
        }
    }

    /**
     * An observer installed before the MDC adapter, so that it runs around it: it may put values in the MDC before
     * the adapter's {@code beforeHandler}, and it reads the MDC after the adapter's {@code afterHandler}.
     */
    static final class AroundMdc implements ActorObserver {
        /** The MDC of the handler's thread after each handler, in order. */
        final EventLog<Map<String, String>> after = new EventLog<>();
        private final Map<String, String> preset;

        AroundMdc(Map<String, String> preset) {
            this.preset = preset;
        }

        @Override
        public boolean tracesMessages() {
            return true;
        }

        @Override
        public Object beforeHandler(Pid actor, String name, String label, HandlerKind kind, Object message,
                                    Object carried) {
            preset.forEach(MDC::put);
            return null;
        }

        @Override
        public void afterHandler(Object token, Throwable failure) {
            Map<String, String> mdc = MDC.getCopyOfContextMap();
            after.accept(mdc == null ? Map.of() : Map.copyOf(mdc));
            preset.keySet().forEach(MDC::remove);
        }
    }

    private final CapturedLogs logs = new CapturedLogs(LOG);

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    static Stream<Named<Backend>> backends() {
        return Stream.of(Named.of("dispatcher", Backend.dispatcher()),
                Named.of("virtual thread", Backend.virtualThread()),
                Named.of("platform thread", Backend.platformThread()));
    }

    private static ActorSystemConfig quiet(String name) {
        return ActorSystemConfig.defaults(name).watchdog(Watchdog.disabled());
    }

    private static Map<String, String> actorMdc(String system, ActorRef<?> actor, String label) {
        return Map.of(HeddleMdc.SYSTEM_KEY, system, HeddleMdc.PID_KEY, actor.pid().toString(),
                HeddleMdc.ACTOR_KEY, label);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aLineLoggedInAHandlerCarriesTheActorsPidAndName(Backend backend) throws Exception {
        try (ActorSystem system = ActorSystem.create(HeddleMdc.install(quiet("logs")))) {
            ActorRef<ClerkMsg> named = system.spawn(new Clerk(), SpawnOptions.named("clerk").backend(backend));
            ActorRef<ClerkMsg> unnamed = system.spawn(new Clerk(), SpawnOptions.defaults().backend(backend));
            named.cast(new Note("a cast to the clerk"));
            assertEquals("noted", named.<String>call(r -> new Question("a call to the clerk", r)));
            unnamed.cast(new Note("a cast to the unnamed clerk"));

            CapturedLogs.Line cast = logs.await("a cast to the clerk");
            assertEquals(actorMdc("logs", named, "clerk"), cast.mdc());
            assertNotEquals(Thread.currentThread().toString(), cast.thread(), "logged on the actor's thread");
            assertEquals(actorMdc("logs", named, "clerk"), logs.await("a call to the clerk").mdc());
            assertEquals(actorMdc("logs", unnamed, "HeddleMdcTest$Clerk"),
                    logs.await("a cast to the unnamed clerk").mdc(), "an unnamed actor goes by its class");
        }
    }

    @Test
    void aLineLoggedOutsideAnActorHasNoHeddleKeys() throws Exception {
        try (ActorSystem system = ActorSystem.create(HeddleMdc.install(quiet("logs")))) {
            ActorRef<ClerkMsg> clerk = system.spawn(new Clerk(), SpawnOptions.named("clerk"));
            assertEquals("noted", clerk.<String>call(r -> new Question("inside", r)));
            LOG.info("outside, after a call");
            Thread other = Thread.ofVirtual().start(() -> LOG.info("outside, on a thread of its own"));
            other.join();

            assertEquals(actorMdc("logs", clerk, "clerk"), logs.await("inside").mdc());
            assertEquals(Map.of(), logs.await("outside, after a call").mdc());
            assertEquals(Map.of(), logs.await("outside, on a thread of its own").mdc());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void theKeysAreRemovedAfterEachHandlerEvenOneThatThrows(Backend backend) throws Exception {
        AroundMdc around = new AroundMdc(Map.of());
        try (ActorSystem system = ActorSystem.create(HeddleMdc.install(quiet("cleared").observer(around)))) {
            ActorRef<ClerkMsg> clerk = system.spawn(new Clerk(), SpawnOptions.named("clerk").backend(backend));
            clerk.cast(new Note("first"));
            assertEquals("noted", clerk.<String>call(r -> new Question("second", r)));
            assertThrows(CallFailedException.class, () -> clerk.call(Fail::new));

            assertEquals(actorMdc("cleared", clerk, "clerk"), logs.await("first").mdc());
            assertEquals(List.of(Map.of(), Map.of(), Map.of()), around.after.awaitCount(3, "three handlers"),
                    "the thread that ran each handler, the one that threw too, has no Heddle key left");
        }
    }

    @Test
    void valuesTheThreadHadBeforeTheHandlerAreRestored() throws Exception {
        Map<String, String> outer = Map.of(HeddleMdc.PID_KEY, "<outer>", HeddleMdc.ACTOR_KEY, "outer", "request", "42");
        AroundMdc around = new AroundMdc(outer);
        try (ActorSystem system = ActorSystem.create(HeddleMdc.install(quiet("nested").observer(around)))) {
            ActorRef<ClerkMsg> clerk = system.spawn(new Clerk(), SpawnOptions.named("clerk"));
            assertEquals("noted", clerk.<String>call(r -> new Question("nested", r)));

            Map<String, String> during = new HashMap<>(actorMdc("nested", clerk, "clerk"));
            during.put("request", "42");
            assertEquals(during, logs.await("nested").mdc(), "Heddle's keys win; the others stay");
            assertEquals(List.of(outer), around.after.awaitCount(1, "the handler"),
                    "what was there before is back, and the system key, absent before, is gone");
        }
    }
}
