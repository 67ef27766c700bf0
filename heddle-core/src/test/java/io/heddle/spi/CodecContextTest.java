package io.heddle.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorInterruptedException;
import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Behaviors;
import io.heddle.CallTimeoutException;
import io.heddle.DeadLetter;
import io.heddle.Pid;
import io.heddle.ReplyTo;
import io.heddle.internal.call.ExportedCalls;
import io.heddle.internal.system.SystemImpl;
import io.heddle.spi.BankCodec.Transfer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The codec SPI: a request carrying an actor reference and a reply handle survives encoding and decoding, the handle
 * still answers the waiting caller, answers to calls no longer waited on go to dead letters, and the system's table of
 * exported calls empties however a call ends.
 */
@Timeout(60)
class CodecContextTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final BankCodec codec = new BankCodec();

    /** What the bank actor got, and what it decoded from its encoding. */
    record Received(Transfer original, byte[] bytes, Transfer decoded) {}

    /** A bank that encodes each transfer, decodes it as a remote node would, and hands both to the test. */
    private ActorRef<Transfer> holdingBank(ActorSystem system, BlockingQueue<Received> received) {
        CodecContext context = CodecContext.of(system);
        return system.spawn((ctx, transfer) -> {
            byte[] bytes = codec.encode(transfer, context);
            received.add(new Received(transfer, bytes, (Transfer) codec.decode(BankCodec.TRANSFER, bytes, context)));
            return Behaviors.same();
        });
    }

    private static Received next(BlockingQueue<Received> received) throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(r, "the bank received the transfer");
        return r;
    }

    private static ExportedCalls exported(ActorSystem system) {
        return ((SystemImpl) system).codecContext().exportedCalls();
    }

    private static ActorRef<String> auditor(ActorSystem system) {
        return system.spawn((ctx, line) -> Behaviors.same());
    }

    // ------------------------------------------------------------------------------------------------ (a)

    @Test
    void aRequestWithAReplyHandleRoundTripsAndTheDecodedHandleAnswersTheCaller() {
        try (ActorSystem system = ActorSystem.create("codec")) {
            CodecContext context = CodecContext.of(system);
            assertSame(context, CodecContext.of(system), "one context per system");
            ActorRef<String> auditor = auditor(system);
            AtomicReference<Transfer> original = new AtomicReference<>();
            AtomicReference<Transfer> decoded = new AtomicReference<>();
            AtomicReference<ReplyHandle> handle = new AtomicReference<>();
            AtomicReference<ReplyHandle> again = new AtomicReference<>();
            ActorRef<Transfer> bank = system.spawn((ctx, transfer) -> {
                String manifest = codec.manifest(transfer.getClass()).orElseThrow();
                byte[] bytes = codec.encode(transfer, context);
                Transfer back = (Transfer) codec.decode(manifest, bytes, context);
                original.set(transfer);
                decoded.set(back);
                handle.set(BankCodec.handleIn(bytes));
                again.set(context.exportReply(transfer.replyTo()));
                back.replyTo().reply(back.amountCents() * 2); // through the decoded handle only
                return Behaviors.same();
            });

            long doubled = bank.<Long>call(replyTo -> new Transfer(2_100, auditor, replyTo), Duration.ofSeconds(20));

            assertEquals(4_200, doubled, "the caller got the answer sent through the decoded handle");
            Transfer back = decoded.get();
            assertEquals(2_100, back.amountCents());
            assertEquals(auditor, back.auditor(), "the decoded reference is the same actor");
            assertEquals(auditor.pid(), back.auditor().pid());
            assertSame(original.get().replyTo(), back.replyTo(), "a local handle imports as the waiting call itself");
            assertTrue(back.replyTo().isDone());
            ReplyHandle h = handle.get();
            assertEquals(Pid.LOCAL_NODE, h.node());
            assertTrue(h.callerWaits() && h.remainingNanos() <= Duration.ofSeconds(20).toNanos(),
                    "the handle carries the caller's remaining time: " + h);
            assertEquals(h.callId(), again.get().callId(), "exporting a handle again gives the same call id");
            assertEquals(0, exported(system).size(), "an answered call leaves the exported calls");
        }
    }

    @Test
    void manifestsAreStableNamesNotClassNames() {
        assertEquals(Optional.of("bank.Transfer.v1"), codec.manifest(Transfer.class));
        assertEquals(Optional.empty(), codec.manifest(String.class));
    }

    // ------------------------------------------------------------------------------------------------ (b)

    @Test
    void anUnknownManifestOrMalformedBytesFailNamingTheManifest() {
        try (ActorSystem system = ActorSystem.create("codec")) {
            CodecContext context = CodecContext.of(system);
            ActorRef<String> auditor = auditor(system);
            byte[] whole = BankCodec.write(5, auditor.pid(), new ReplyHandle(Pid.LOCAL_NODE, 1, 1_000));
            assertEquals(BankCodec.TRANSFER_BYTES, whole.length);
            // The whole bytes decode (to a handle of a call that no longer waits), so the failures below are the cuts.
            Transfer ok = (Transfer) codec.decode(BankCodec.TRANSFER, whole, context);
            assertEquals(auditor, ok.auditor());
            assertTrue(ok.replyTo().isDone());

            CodecException unknown = assertThrows(CodecException.class,
                    () -> codec.decode("bank.Refund.v1", whole, context));
            assertEquals(CodecException.Reason.UNKNOWN_MANIFEST, unknown.reason());
            assertEquals("bank.Refund.v1", unknown.subject());
            assertTrue(unknown.getMessage().contains("'bank.Refund.v1'"), unknown.getMessage());

            for (int length : new int[] {whole.length - 1, 12, 0}) {
                byte[] cut = Arrays.copyOf(whole, length);
                CodecException truncated = assertThrows(CodecException.class,
                        () -> codec.decode(BankCodec.TRANSFER, cut, context), "cut to " + length);
                assertEquals(CodecException.Reason.MALFORMED, truncated.reason());
                assertEquals(BankCodec.TRANSFER, truncated.subject());
                assertTrue(truncated.getMessage().contains("'bank.Transfer.v1'")
                        && truncated.getMessage().contains("truncated"), truncated.getMessage());
            }
            CodecException trailing = assertThrows(CodecException.class,
                    () -> codec.decode(BankCodec.TRANSFER, Arrays.copyOf(whole, whole.length + 1), context));
            assertTrue(trailing.getMessage().contains("1 trailing bytes"), trailing.getMessage());

            CodecException oversized = assertThrows(CodecException.class,
                    () -> codec.decode(BankCodec.TRANSFER, new byte[BankCodec.MAX_BYTES + 1], context));
            assertEquals(CodecException.Reason.OVERSIZED, oversized.reason());

            CodecException notEncodable = assertThrows(CodecException.class, () -> codec.encode("cash", context));
            assertEquals(CodecException.Reason.NOT_ENCODABLE, notEncodable.reason());
            assertTrue(notEncodable.getMessage().contains("java.lang.String"), notEncodable.getMessage());
            assertInstanceOf(io.heddle.HeddleException.class, notEncodable);
        }
    }

    // ------------------------------------------------------------------------------------------------ (c)

    @Test
    void aHandleImportedAfterTheCallerTimedOutSendsItsAnswerToDeadLettersAsLate() throws Exception {
        try (ActorSystem system = ActorSystem.create("codec")) {
            BlockingQueue<Received> received = new LinkedBlockingQueue<>();
            ActorRef<Transfer> bank = holdingBank(system, received);
            ActorRef<String> auditor = auditor(system);

            assertThrows(CallTimeoutException.class,
                    () -> bank.<Long>call(replyTo -> new Transfer(700, auditor, replyTo), Duration.ofMillis(100)));
            byte[] bytes = next(received).bytes();
            assertEquals(0, exported(system).size(), "a timed-out call leaves the exported calls");

            CountDownLatch late = new CountDownLatch(1);
            CountDownLatch lateFailure = new CountDownLatch(1);
            IllegalStateException failure = new IllegalStateException("insufficient funds");
            try (var subscription = system.deadLetters().subscribe(letter -> {
                if (letter.reason() != DeadLetter.Reason.LATE_REPLY) return;
                if (letter.message().equals(1_400L)) late.countDown();
                if (letter.message() == failure) lateFailure.countDown();
            })) {
                // Decoded now, as a node that got the request after the caller gave up would.
                Transfer back = (Transfer) codec.decode(BankCodec.TRANSFER, bytes, CodecContext.of(system));
                assertTrue(back.replyTo().isDone(), "the imported handle knows the caller no longer waits");
                assertFalse(back.replyTo().reply(1_400L), "a reply after the timeout is not taken");
                assertTrue(late.await(10, TimeUnit.SECONDS), "the late reply is in dead letters as LATE_REPLY");
                assertFalse(back.replyTo().fail(failure));
                assertTrue(lateFailure.await(10, TimeUnit.SECONDS), "so is a late failure");
                ReplyHandle reexported = CodecContext.of(system).exportReply(back.replyTo());
                assertEquals(BankCodec.handleIn(bytes).callId(), reexported.callId());
                assertFalse(reexported.callerWaits(), "a handle re-exported from a late one says nobody waits");
            }
            assertEquals(0, exported(system).size());
        }
    }

    // ------------------------------------------------------------------------------------------------ (d)

    @Test
    void theExportedCallsEmptyHoweverTheCallsEnd() throws Exception {
        try (ActorSystem system = ActorSystem.create("codec")) {
            BlockingQueue<Received> received = new LinkedBlockingQueue<>();
            ActorRef<Transfer> bank = holdingBank(system, received);
            ActorRef<String> auditor = auditor(system);
            ExportedCalls exported = exported(system);

            // Answered through the decoded handle.
            CompletableFuture<Long> first = bank.<Long>callAsync(r -> new Transfer(1, auditor, r), LONG);
            Received r1 = next(received);
            assertEquals(1, exported.size(), "an exported call the caller waits on is in the table");
            assertTrue(r1.decoded().replyTo().reply(10L));
            assertEquals(10L, first.get(10, TimeUnit.SECONDS));
            assertEquals(0, exported.size(), "answered through the decoded handle");

            // Answered through the original handle, which the codec exported.
            CompletableFuture<Long> second = bank.<Long>callAsync(r -> new Transfer(2, auditor, r), LONG);
            Received r2 = next(received);
            assertEquals(1, exported.size());
            assertTrue(r2.original().replyTo().reply(20L));
            assertEquals(20L, second.get(10, TimeUnit.SECONDS));
            assertEquals(0, exported.size(), "answered through the original handle");

            // Failed through the decoded handle.
            CompletableFuture<Long> third = bank.<Long>callAsync(r -> new Transfer(3, auditor, r), LONG);
            assertTrue(next(received).decoded().replyTo().fail(new IllegalStateException("no")));
            assertThrows(ExecutionException.class, () -> third.get(10, TimeUnit.SECONDS));
            assertEquals(0, exported.size(), "failed");

            // An async call that times out.
            CompletableFuture<Long> fourth = bank.<Long>callAsync(r -> new Transfer(4, auditor, r), Duration.ofMillis(200));
            Received r4 = next(received);
            ExecutionException timedOut = assertThrows(ExecutionException.class,
                    () -> fourth.get(10, TimeUnit.SECONDS));
            assertInstanceOf(CallTimeoutException.class, timedOut.getCause());
            assertEquals(0, exported.size(), "an async call that timed out");
            assertFalse(r4.decoded().replyTo().reply(40L));

            // A blocking call that times out.
            assertThrows(CallTimeoutException.class,
                    () -> bank.<Long>call(r -> new Transfer(5, auditor, r), Duration.ofMillis(100)));
            next(received);
            assertEquals(0, exported.size(), "a blocking call that timed out");

            // A blocking call whose caller is interrupted.
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    bank.<Long>call(r -> new Transfer(6, auditor, r), LONG);
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            Received r6 = next(received);
            assertEquals(1, exported.size());
            caller.interrupt();
            caller.join(10_000);
            assertFalse(caller.isAlive());
            assertInstanceOf(ActorInterruptedException.class, outcome.get());
            assertEquals(0, exported.size(), "a call whose caller was interrupted");
            assertFalse(r6.decoded().replyTo().reply(60L));

            // Many calls answered at once through the decoded handle: nothing stays behind.
            CompletableFuture<?>[] many = new CompletableFuture<?>[200];
            for (int i = 0; i < many.length; i++) {
                many[i] = bank.<Long>callAsync(r -> new Transfer(7, auditor, r), LONG);
            }
            for (int i = 0; i < many.length; i++) next(received).decoded().replyTo().reply(70L);
            CompletableFuture.allOf(many).get(10, TimeUnit.SECONDS);
            assertEquals(0, exported.size(), "many answered calls");
        }
    }

    @Test
    void callsWhoseHandlesAreNeverExportedStayOutOfTheTable() {
        try (ActorSystem system = ActorSystem.create("codec")) {
            ActorRef<ReplyTo<String>> echo = system.spawn((ctx, replyTo) -> {
                replyTo.reply(String.valueOf(exported(system).size()));
                return Behaviors.same();
            });
            assertEquals("0", echo.<String>call(replyTo -> replyTo), "a plain call is not registered");
        }
    }

    // ------------------------------------------------------------------------------------------------ (e)

    @Test
    void aHandleOfAnotherNodeIsRefusedNamingTheNode() {
        try (ActorSystem system = ActorSystem.create("codec")) {
            CodecContext context = CodecContext.of(system);
            assertEquals(Pid.LOCAL_NODE, context.localNode());
            ActorRef<String> auditor = auditor(system);

            IllegalArgumentException direct = assertThrows(IllegalArgumentException.class,
                    () -> context.importReply(new ReplyHandle(3, 42, 1_000_000)));
            assertTrue(direct.getMessage().contains("node 3") && direct.getMessage().contains("cluster module"),
                    direct.getMessage());

            byte[] bytes = BankCodec.write(5, auditor.pid(), new ReplyHandle(3, 42, 1_000_000));
            IllegalArgumentException decoded = assertThrows(IllegalArgumentException.class,
                    () -> codec.decode(BankCodec.TRANSFER, bytes, context));
            assertTrue(decoded.getMessage().contains("node 3"), decoded.getMessage());

            assertEquals(Optional.of(auditor), context.refOf(auditor.pid()));
            assertEquals(Optional.empty(), context.refOf(new Pid(3, auditor.pid().id())),
                    "the same id on another node is not this actor");
        }
    }

    // ------------------------------------------------------------------------------------------------ refs

    @Test
    void aStoppedActorDoesNotResolveAndAnotherSystemsActorIsRefused() throws Exception {
        try (ActorSystem system = ActorSystem.create("codec"); ActorSystem other = ActorSystem.create("other")) {
            CodecContext context = CodecContext.of(system);
            ActorRef<String> auditor = auditor(system);
            Pid pid = context.pidOf(auditor);
            assertEquals(auditor.pid(), pid);
            auditor.stop();
            auditor.termination().get(10, TimeUnit.SECONDS);
            assertEquals(Optional.empty(), context.refOf(pid), "a stopped actor does not resolve");

            ActorRef<String> stranger = auditor(other);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> context.pidOf(stranger));
            assertTrue(e.getMessage().contains("other"), e.getMessage());
            assertNotSame(context, CodecContext.of(other));
            assertEquals(Optional.empty(), context.refOf(stranger.pid()), "one system does not resolve another's");
        }
    }

    @Test
    void aHandleExportedWhileTheRequestIsBeingBuiltIsRefused() {
        try (ActorSystem system = ActorSystem.create("codec")) {
            CodecContext context = CodecContext.of(system);
            ActorRef<Transfer> bank = holdingBank(system, new LinkedBlockingQueue<>());
            ActorRef<String> auditor = auditor(system);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> bank.<Long>call(r -> {
                context.exportReply(r);
                return new Transfer(1, auditor, r);
            }, LONG));
            assertTrue(e.getMessage().contains("while the request was being built"), e.getMessage());
            assertEquals(0, exported(system).size());
        }
    }

    @Test
    void replyHandlesValidateTheirComponents() {
        assertThrows(IllegalArgumentException.class, () -> new ReplyHandle(-1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReplyHandle(0, 0, 0));
        assertFalse(new ReplyHandle(0, 1, 0).callerWaits());
        assertArrayEquals(BankCodec.write(1, Pid.local(2), new ReplyHandle(0, 3, 4)),
                BankCodec.write(1, Pid.local(2), new ReplyHandle(0, 3, 4)));
    }
}
