package io.heddle.internal.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorSystemConfig;
import io.heddle.Behavior;
import io.heddle.Behaviors;
import io.heddle.DeadLetter;
import io.heddle.ExitReason;
import io.heddle.Mailbox;
import io.heddle.internal.dispatch.TurnScheduler;
import io.heddle.internal.mailbox.MailboxQueue;
import io.heddle.internal.system.SystemImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cell's two state machines, driven step by step on the test thread: a scheduler that only records what the cell
 * asks of it stands in for the dispatcher, and the test runs each turn itself. Scheduling state: IDLE, SCHEDULED,
 * WAITING, TERMINATED; lifecycle: NEW, RUNNING, STOPPING, DEAD (see {@link CellCore}).
 */
class CellStatesTest {

    /** Records what the cell asks of its scheduler; runs nothing. */
    private static final class RecordingScheduler implements TurnScheduler {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void schedule(ActorCell<?> cell) {
            calls.add("schedule");
        }

        @Override
        public void yieldTurn(ActorCell<?> cell) {
            calls.add("yield");
        }
    }

    private final SystemImpl system = new SystemImpl(ActorSystemConfig.defaults("cell-states").throughput(3));
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final List<Object> handled = new ArrayList<>();

    @AfterEach
    void close() {
        system.close();
    }

    private <M> ActorCell<M> cell(Behavior<M> behavior) {
        ActorCell<M> cell = new ActorCell<>(system, system.nextPid(), "probe", null,
                MailboxQueue.create(Mailbox.unbounded()), behavior);
        cell.setScheduler(scheduler);
        return cell;
    }

    private ActorCell<Object> recording() {
        return cell((ctx, m) -> {
            handled.add(m);
            return Behaviors.same();
        });
    }

    @Test
    void aPlainBehaviorStartsRunningAndIdleWithoutATurn() {
        ActorCell<Object> cell = recording();
        assertEquals(CellCore.NEW, cell.lifecycle);
        assertEquals(CellCore.SCHEDULED, cell.schedState, "a new cell is owned by its first turn");
        cell.startWithoutInitIfTrivial();
        assertEquals(CellCore.RUNNING, cell.lifecycle);
        assertEquals(CellCore.IDLE, cell.schedState);
        assertTrue(scheduler.calls.isEmpty(), "no turn is needed until the first message");
    }

    @Test
    void aSetupBehaviorStaysNewUntilItsFirstTurnRunsInit() {
        ActorCell<Object> cell = cell(Behaviors.setup(ctx -> (c, m) -> Behaviors.same()));
        cell.startWithoutInitIfTrivial();
        assertEquals(CellCore.NEW, cell.lifecycle, "setup must run on the actor's own turn");
        cell.runTurn();
        assertEquals(CellCore.RUNNING, cell.lifecycle);
        assertEquals(CellCore.IDLE, cell.schedState);
    }

    @Test
    void manySendsToAnIdleCellScheduleItOnce() {
        ActorCell<Object> cell = recording();
        cell.startWithoutInitIfTrivial();
        cell.cast("a");
        assertEquals(CellCore.SCHEDULED, cell.schedState);
        cell.cast("b");
        assertEquals(List.of("schedule"), scheduler.calls, "only the IDLE-to-SCHEDULED winner schedules");
        cell.runTurn();
        assertEquals(List.of("a", "b"), handled);
        assertEquals(CellCore.IDLE, cell.schedState);
        cell.cast("c");
        assertEquals(List.of("schedule", "schedule"), scheduler.calls, "idle again, so the next send schedules");
    }

    @Test
    void aTurnHandlesAtMostTheThroughputAndYieldsForTheRest() {
        ActorCell<Object> cell = recording();
        cell.startWithoutInitIfTrivial();
        for (int i = 0; i < 5; i++) cell.cast(i);
        cell.runTurn();
        assertEquals(List.of(0, 1, 2), handled, "throughput 3");
        assertEquals(List.of("schedule", "yield"), scheduler.calls, "the rest waits for a later turn");
        assertEquals(CellCore.SCHEDULED, cell.schedState);
        cell.runTurn();
        assertEquals(List.of(0, 1, 2, 3, 4), handled);
        assertEquals(CellCore.IDLE, cell.schedState);
    }

    @Test
    void aMessageSentDuringTheTurnIsNotStranded() {
        ActorCell<Object>[] self = new ActorCell[1];
        self[0] = cell((ctx, m) -> {
            handled.add(m);
            if (m.equals("first")) self[0].cast("second"); // arrives while the turn holds the cell
            return Behaviors.same();
        });
        ActorCell<Object> cell = self[0];
        cell.startWithoutInitIfTrivial();
        cell.cast("first");
        cell.runTurn();
        assertEquals(List.of("first", "second"), handled, "the same turn takes it within its throughput");
        assertEquals(CellCore.IDLE, cell.schedState);
        assertEquals(List.of("schedule"), scheduler.calls, "the sender saw SCHEDULED and did not schedule again");
    }

    @Test
    void stopGoesThroughTheControlLaneToDeadAndTerminated() {
        ActorCell<Object> cell = recording();
        cell.startWithoutInitIfTrivial();
        cell.cast("before");
        cell.stop(ExitReason.SHUTDOWN);
        assertEquals(CellCore.RUNNING, cell.lifecycle, "only the actor's own turn changes its lifecycle");
        cell.runTurn();
        assertEquals(List.of(), handled, "the control lane is read before user messages");
        assertEquals(CellCore.DEAD, cell.lifecycle);
        assertEquals(CellCore.TERMINATED, cell.schedState);
        assertTrue(cell.termination().isDone());
        assertEquals(ExitReason.SHUTDOWN, cell.termination().join());
        assertFalse(cell.isAlive());
        DeadLetter queued = system.deadLetters().recent().getLast();
        assertEquals("before", queued.message());
        assertEquals(DeadLetter.Reason.RECIPIENT_STOPPED, queued.reason(), "what was queued goes to dead letters");
    }

    @Test
    void aSendToATerminatedCellIsADeadLetterAndSchedulesNothing() {
        ActorCell<Object> cell = recording();
        cell.startWithoutInitIfTrivial();
        cell.stop(ExitReason.SHUTDOWN);
        cell.runTurn();
        int calls = scheduler.calls.size();
        cell.cast("late");
        assertEquals(calls, scheduler.calls.size(), "a terminated cell is never scheduled again");
        assertEquals(CellCore.TERMINATED, cell.schedState);
        DeadLetter late = system.deadLetters().recent().getLast();
        assertEquals("late", late.message());
        assertEquals(DeadLetter.Reason.RECIPIENT_STOPPED, late.reason());
    }

    @Test
    void aCrashInAHandlerTerminatesWithTheError() {
        ActorCell<Object> cell = cell((ctx, m) -> {
            throw new IllegalStateException("boom");
        });
        cell.startWithoutInitIfTrivial();
        cell.cast("x");
        cell.runTurn();
        assertEquals(CellCore.DEAD, cell.lifecycle);
        ExitReason reason = cell.termination().join();
        assertTrue(reason instanceof ExitReason.Error error && error.cause().getMessage().equals("boom"), "" + reason);
    }
}
