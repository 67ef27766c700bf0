package io.heddle.internal;

import io.heddle.ExitReason;

/** A message of the control lane: handled before any user message, never bounded, never dropped. */
sealed interface Control {

    /** Stop gracefully with {@code reason}: children first, then terminate hooks. */
    record Stop(ExitReason reason) implements Control {}

    /** Stop at once with {@link ExitReason#KILLED}, without terminate hooks. */
    record Kill() implements Control {}

    Kill KILL = new Kill();
}
