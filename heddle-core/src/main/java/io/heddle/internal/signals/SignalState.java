package io.heddle.internal.signals;

import io.heddle.Down;
import io.heddle.ExitSignal;
import io.heddle.MonitorRef;
import io.heddle.internal.cell.ActorCell;
import java.util.HashMap;
import java.util.function.Function;

/**
 * What turns an actor's signals into its messages, allocated on its first monitor or {@code trapExits}: the monitors it
 * holds, each with its adapter, and its exit trap. Written by the actor's thread; the actor table reads
 * {@link #monitoring} under its lock when the actor leaves.
 */
public final class SignalState {

    /** A monitor held by this actor. */
    public record Monitoring(ActorCell<?> target, Function<? super Down, ?> adapter) {}

    /** Monitors this actor holds on others: monitor to (target, adapter). */
    public HashMap<MonitorRef, Monitoring> monitoring;
    /** Turns exit signals into messages while this actor traps exits; null when it does not. */
    public Function<? super ExitSignal, ?> exitTrap;
}
