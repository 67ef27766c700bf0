package io.heddle.internal.testing;

import io.heddle.ActorRef;

/**
 * Decides the fate of each user message before it reaches a mailbox: deliver it, drop it (as if lost: a dropped call
 * is not failed, its caller times out), or deliver it later. The test kit's fault injection; production systems have
 * none. Called on the sending thread; must not block.
 */
@FunctionalInterface
public interface DeliveryInterceptor {

    /** What to do with one message. */
    sealed interface Verdict {
        /** Deliver now. */
        Verdict DELIVER = new Deliver();
        /** Drop, to dead letters with {@link io.heddle.DeadLetter.Reason#INJECTED_FAULT}. */
        Verdict DROP = new Drop();

        /** Deliver now. */
        record Deliver() implements Verdict {}

        /** Drop. */
        record Drop() implements Verdict {}

        /**
         * Deliver after {@code nanos} on the system's clock.
         *
         * @param nanos the delay
         */
        record Delay(long nanos) implements Verdict {}
    }

    /** Returns what to do with {@code message}, sent to {@code target}. */
    Verdict intercept(ActorRef<?> target, Object message);
}
