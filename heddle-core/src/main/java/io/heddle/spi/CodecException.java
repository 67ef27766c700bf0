package io.heddle.spi;

import io.heddle.HeddleException;
import java.util.Objects;

/**
 * A {@link MessageCodec} could not encode or decode a message. The message names the type or the manifest and says
 * why; {@link #reason()} and {@link #subject()} say the same for code.
 *
 * <p>The factories give the messages one shape, so a codec need only pick the reason:
 *
 * {@snippet :
 * case "bank.Transfer.v1" -> readTransfer(in);
 * default -> throw CodecException.unknownManifest(manifest);
 * }
 */
public class CodecException extends HeddleException {

    /** Why a message could not be encoded or decoded. */
    public enum Reason {
        /** Decoding: no type of this codec has the manifest (a newer peer, or the wrong codec). */
        UNKNOWN_MANIFEST,
        /** Decoding: the bytes do not hold a message of the manifest's type (truncated, corrupt, trailing bytes). */
        MALFORMED,
        /** Encoding or decoding: the message is larger than the codec allows. */
        OVERSIZED,
        /** Encoding: the codec does not handle the message's type, or one of its fields. */
        NOT_ENCODABLE
    }

    private final Reason reason;
    private final String subject;

    /**
     * Creates an exception.
     *
     * @param reason  why
     * @param subject the manifest, or the type's name, it is about
     * @param message the whole message, which should name {@code subject}
     * @param cause   the underlying failure, or null
     */
    public CodecException(Reason reason, String subject, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    /** Decoding {@code manifest} failed: no type of the codec has it. */
    public static CodecException unknownManifest(String manifest) {
        return new CodecException(Reason.UNKNOWN_MANIFEST, manifest, "cannot decode manifest '" + manifest
                + "': the codec knows no type by that name (a peer on a newer version, or the wrong codec)", null);
    }

    /** Decoding {@code manifest} failed: the bytes are not a message of its type; {@code why} says how. */
    public static CodecException malformed(String manifest, String why, Throwable cause) {
        return new CodecException(Reason.MALFORMED, manifest, "cannot decode manifest '" + manifest
                + "': malformed bytes: " + why, cause);
    }

    /** A message of {@code subject} (a manifest or a type name) has {@code size} bytes, more than {@code limit}. */
    public static CodecException oversized(String subject, long size, long limit) {
        return new CodecException(Reason.OVERSIZED, subject, "message " + subject + " is " + size
                + " bytes, more than the codec's limit of " + limit, null);
    }

    /** A message of {@code type} cannot be encoded; {@code why} says what the codec lacks. */
    public static CodecException notEncodable(Class<?> type, String why) {
        return new CodecException(Reason.NOT_ENCODABLE, type.getName(), "cannot encode " + type.getName() + ": "
                + why, null);
    }

    /** Returns why the message could not be encoded or decoded. */
    public Reason reason() {
        return reason;
    }

    /** Returns the manifest, or the type's name, the failure is about. */
    public String subject() {
        return subject;
    }
}
