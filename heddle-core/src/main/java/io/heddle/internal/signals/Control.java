package io.heddle.internal.signals;

import io.heddle.internal.ref.Recipient;
import io.heddle.ExitReason;
import io.heddle.MonitorRef;

/** A message of the control lane: handled before any user message, never bounded, never dropped. */
public sealed interface Control {

    /** Stop gracefully with {@code reason}: children first, then terminate hooks. */
    record Stop(ExitReason reason) implements Control {}

    /** Stop at once with {@link ExitReason#KILLED}, without terminate hooks. */
    record Kill() implements Control {}

    /**
     * A linked actor exited. Delivered only if the link still stands when the receiver handles it, unless
     * {@code unconditional} (the notice of a link refused because {@code from} had already stopped).
     */
    record Exit(Recipient<?> from, ExitReason reason, boolean unconditional) implements Control {}

    /** A monitored actor stopped. Delivered only if the monitor is still active when the receiver handles it. */
    record Down(MonitorRef monitor, Recipient<?> target, ExitReason reason) implements Control {}

    Kill KILL = new Kill();
}
