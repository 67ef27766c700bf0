package io.heddle;

/**
 * What an actor does with a message, and what it does with the next one.
 *
 * <p>A behavior handles one message and returns the behavior for the next: {@link Behaviors#same()} to keep this one,
 * another behavior to replace it, {@link Behaviors#stopped()} to stop. This is the functional style; the class style
 * with mutable fields is {@link Actor}, itself a behavior.
 *
 * {@snippet :
 * sealed interface Light permits Toggle {}
 * record Toggle() implements Light {}
 *
 * static Behavior<Light> off() {
 *     return (ctx, msg) -> switch (msg) {
 *         case Toggle t -> on();
 *     };
 * }
 * static Behavior<Light> on() {
 *     return (ctx, msg) -> switch (msg) {
 *         case Toggle t -> off();
 *     };
 * }
 * }
 *
 * <p>Failure: an exception thrown by {@code receive} stops the actor with {@link ExitReason.Error}; if the message was
 * a {@code call}, the caller gets a {@link CallFailedException} with the exception as its cause.
 *
 * <p>Threading: the runtime calls {@code receive} for one message at a time, never concurrently, always with a
 * happens-before edge between consecutive calls, so a behavior may keep plain mutable state.
 *
 * @param <M> the type of messages the actor accepts
 */
@FunctionalInterface
public interface Behavior<M> {

    /**
     * Handles one message.
     *
     * @param context the actor's context, valid only inside this call
     * @param message the message, never null
     * @return the behavior for the next message
     * @throws Exception to crash the actor
     */
    Behavior<M> receive(ActorContext<M> context, M message) throws Exception;
}
