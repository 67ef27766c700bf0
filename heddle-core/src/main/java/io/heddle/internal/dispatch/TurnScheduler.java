package io.heddle.internal.dispatch;

import io.heddle.internal.cell.ActorCell;

/** Runs actor turns. The cell calls {@link #schedule} after it moved itself from idle to scheduled. */
public interface TurnScheduler {

    /** Runs a turn of {@code cell} soon. */
    void schedule(ActorCell<?> cell);

    /** Runs another turn of {@code cell} after others have had theirs: the cell used its whole throughput. */
    void yieldTurn(ActorCell<?> cell);
}
