package io.heddle.spi;

import java.util.Optional;

/**
 * Turns messages into bytes and back, for a transport that carries them off this node (the core ships no codec and no
 * transport; a cluster module or an application provides both). Never Java serialization: a codec writes the fields
 * it knows, in a format it versions.
 *
 * <p>Each type a codec handles has a <em>manifest</em>: a stable name, such as {@code "bank.Transfer.v1"}, that the
 * transport sends with the bytes so the receiver knows what to decode. It is not the Java class name, so a class can
 * be renamed or moved without breaking peers; a change of format gets a new manifest (or a version inside the bytes).
 *
 * <p>Fields that refer to the actor runtime are written through the {@link CodecContext}: an
 * {@link io.heddle.ActorRef} as its {@link io.heddle.Pid} ({@link CodecContext#pidOf}, back with
 * {@link CodecContext#refOf}), a {@link io.heddle.ReplyTo} as a {@link ReplyHandle} ({@link CodecContext#exportReply},
 * back with {@link CodecContext#importReply}); a pid is written as itself.
 *
 * {@snippet :
 * MessageCodec codec = new BankCodec();
 * CodecContext context = CodecContext.of(system);
 * // sending side, in the handler that forwards a request off the node:
 * String manifest = codec.manifest(request.getClass()).orElseThrow();
 * byte[] bytes = codec.encode(request, context);
 * transport.send(manifest, bytes);
 * // receiving side:
 * Object message = codec.decode(manifest, bytes, context);
 * }
 *
 * <p>Threading: a codec is shared by every thread that sends or receives and is called concurrently, from actors'
 * handlers and from transport threads: it must be thread-safe, and should keep no state between calls. Encoding and
 * decoding should not block.
 *
 * <p>Failures: {@link #encode} and {@link #decode} throw {@link CodecException}, naming the type or the manifest and
 * the {@link CodecException.Reason reason}, and nothing else; a codec wraps its own failures (an
 * {@link java.io.IOException} of its streams, an {@link IllegalArgumentException} of a record's constructor) in one.
 * The one exception is the context's own refusal (an {@link IllegalArgumentException}: a reply handle of another node
 * where no cluster module is installed), which a codec lets through. A codec does not half-decode: it returns a whole
 * message or throws. What happens to a message that failed is the
 * transport's choice (typically: log it and drop it, so a caller waiting on it times out).
 */
public interface MessageCodec {

    /**
     * Returns the manifest of {@code type}: a stable name, not the Java class name, that {@link #decode} accepts;
     * empty if this codec does not handle the type.
     */
    Optional<String> manifest(Class<?> type);

    /**
     * Encodes {@code message}. Reply handles in it are exported through {@code context}: after this returns, the call
     * can be answered through the decoded handle.
     *
     * @throws CodecException if the message's type, or one of its fields, is not handled
     *                        ({@link CodecException.Reason#NOT_ENCODABLE}) or it is too large
     *                        ({@link CodecException.Reason#OVERSIZED})
     */
    byte[] encode(Object message, CodecContext context);

    /**
     * Decodes a message of the type whose manifest is {@code manifest}.
     *
     * @throws CodecException if the manifest is unknown ({@link CodecException.Reason#UNKNOWN_MANIFEST}), the bytes
     *                        are not a message of that type ({@link CodecException.Reason#MALFORMED}), or they are
     *                        too many ({@link CodecException.Reason#OVERSIZED})
     */
    Object decode(String manifest, byte[] bytes, CodecContext context);
}
