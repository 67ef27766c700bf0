package io.heddle.internal.dispatch;

import io.heddle.internal.cell.ActorCell;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread of the actor's own (virtual or platform) that runs its turns and parks in between. It ends when the actor
 * stops. A handler on it may block anywhere: nobody else is waiting for this thread.
 */
public final class DedicatedRunner extends TurnRunner implements TurnScheduler, Runnable {

    private final ActorCell<?> cell;
    private final int turnsPerYield;
    private final Thread thread;
    /** Set by whoever schedules a turn, cleared by the runner thread before it runs one. */
    private volatile boolean signalled;

    public DedicatedRunner(ActorCell<?> cell, ThreadSource threads, boolean virtual, String name, int turnsPerYield) {
        this.cell = cell;
        this.turnsPerYield = turnsPerYield;
        this.thread = virtual ? threads.newVirtualThread(name, this) : threads.newPlatformThread(name, this);
    }

    public void start() {
        thread.start();
    }

    @Override
    public void schedule(ActorCell<?> target) {
        signalled = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void yieldTurn(ActorCell<?> target) {
        signalled = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        bindToCurrentThread();
        try {
            int turns = 0;
            while (!cell.isTerminated()) {
                while (!signalled) LockSupport.park(this);
                signalled = false;
                running = cell;
                cell.runTurn();
                running = null;
                if (++turns >= turnsPerYield) {
                    turns = 0;
                    Thread.yield();
                }
            }
        } finally {
            unbindFromCurrentThread();
        }
    }

    @Override
    boolean enterBlocking() {
        return false;
    }

    @Override
    void exitBlocking() {}
}
