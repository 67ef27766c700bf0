package io.heddle.scheduling;

/**
 * Marks a message whose handler only reads the actor's state (Orleans' {@code [ReadOnly]}). An actor that allows it
 * with {@link Scheduling#concurrentReads(int)} handles consecutive read-only messages at the same time, on separate
 * virtual threads; any other message waits until they have all finished, and they wait for it. Elsewhere the marker
 * has no effect.
 *
 * {@snippet :
 * record Balance(ReplyTo<Long> replyTo) implements AccountMsg, ReadOnly {}
 * }
 *
 * <p>A read-only handler must not change the actor: it may reply, send and call, but returning a behavior other than
 * {@link io.heddle.Behaviors#same()}, or using the context to become, stash, spawn or start timers, fails the
 * handler with {@link IllegalStateException}.
 */
public interface ReadOnly {
}
