package io.heddle.spi;

import io.heddle.ActorRef;
import io.heddle.Pid;
import io.heddle.ReplyTo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A hand-written binary codec for the tests: one type, {@link Transfer}, under the manifest {@code bank.Transfer.v1}.
 * Layout, big-endian: amount (long), auditor pid (int node, long id), reply handle (int node, long call id, long
 * remaining nanos): 40 bytes.
 */
final class BankCodec implements MessageCodec {

    static final String TRANSFER = "bank.Transfer.v1";
    static final int TRANSFER_BYTES = 8 + 4 + 8 + 4 + 8 + 8;
    static final int MAX_BYTES = 4096;

    /** A request with a plain field, an actor reference and a reply handle. */
    record Transfer(long amountCents, ActorRef<String> auditor, ReplyTo<Long> replyTo) {}

    @Override
    public Optional<String> manifest(Class<?> type) {
        return type == Transfer.class ? Optional.of(TRANSFER) : Optional.empty();
    }

    @Override
    public byte[] encode(Object message, CodecContext context) {
        Objects.requireNonNull(message, "message");
        if (!(message instanceof Transfer t)) {
            throw CodecException.notEncodable(message.getClass(), "BankCodec encodes " + TRANSFER + " only");
        }
        return write(t.amountCents(), context.pidOf(t.auditor()), context.exportReply(t.replyTo()));
    }

    /** The bytes of a transfer, from its wire fields. */
    static byte[] write(long amountCents, Pid auditor, ReplyHandle reply) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(TRANSFER_BYTES);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(amountCents);
            out.writeInt(auditor.node());
            out.writeLong(auditor.id());
            out.writeInt(reply.node());
            out.writeLong(reply.callId());
            out.writeLong(reply.remainingNanos());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /** The reply handle in the bytes of a transfer, without importing it. */
    static ReplyHandle handleIn(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            in.skipNBytes(8 + 4 + 8);
            return new ReplyHandle(in.readInt(), in.readLong(), in.readLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object decode(String manifest, byte[] bytes, CodecContext context) {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > MAX_BYTES) throw CodecException.oversized(manifest, bytes.length, MAX_BYTES);
        return switch (manifest) {
            case TRANSFER -> readTransfer(bytes, context);
            default -> throw CodecException.unknownManifest(manifest);
        };
    }

    @SuppressWarnings("unchecked")
    private static Transfer readTransfer(byte[] bytes, CodecContext context) {
        long amount;
        Pid auditorPid;
        ReplyHandle handle;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            amount = in.readLong();
            auditorPid = new Pid(in.readInt(), in.readLong());
            handle = new ReplyHandle(in.readInt(), in.readLong(), in.readLong());
            if (in.available() > 0) {
                throw CodecException.malformed(TRANSFER, in.available() + " trailing bytes after the "
                        + TRANSFER_BYTES + " of a transfer", null);
            }
        } catch (EOFException e) {
            throw CodecException.malformed(TRANSFER, "truncated: " + bytes.length + " bytes, a transfer has "
                    + TRANSFER_BYTES, e);
        } catch (IOException | IllegalArgumentException e) {
            throw CodecException.malformed(TRANSFER, e.getMessage(), e);
        }
        ActorRef<String> auditor = (ActorRef<String>) context.refOf(auditorPid).orElseThrow(() ->
                CodecException.malformed(TRANSFER, "the auditor " + auditorPid + " is not a live actor here", null));
        // A handle of another node is the context's to refuse: its IllegalArgumentException passes through.
        return new Transfer(amount, auditor, context.importReply(handle));
    }
}
