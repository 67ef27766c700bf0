package io.heddle.task;

/**
 * A voluntary yield point for long loops, the roadmap's YieldBudget: every {@code limit} ticks it yields the carrier
 * thread to other virtual threads and checks for cancellation, so a long computation stays fair to others and stops
 * when its scope is cancelled.
 *
 * {@snippet :
 * YieldBudget budget = YieldBudget.every(1_000);
 * for (Order order : orders) {
 *     budget.tick();                       // every 1,000 orders: yield, and raise if cancelled
 *     total += price(order);
 * }
 * }
 *
 * <p>Heddle cannot preempt a handler; this is how a handler that loops long gives way. It helps other virtual threads
 * (tasks, other dispatcher workers); the actor itself keeps its worker until its handler returns.
 *
 * <p>Threading: one thread; cheap (a counter) except every {@code limit} ticks.
 */
public final class YieldBudget {

    private final int limit;
    private int count;

    private YieldBudget(int limit) {
        if (limit < 1) throw new IllegalArgumentException("a yield budget needs a limit of at least 1, got " + limit);
        this.limit = limit;
    }

    /** Returns a budget that yields every {@code limit} ticks. */
    public static YieldBudget every(int limit) {
        return new YieldBudget(limit);
    }

    /**
     * Counts one unit of work; every {@code limit} units, yields and checks the current scope.
     *
     * @throws CancelledException if the current {@link CancellationScope} is cancelled or past its deadline
     */
    public void tick() {
        if (++count < limit) return;
        count = 0;
        Thread.yield();
        CancellationScope.current().checkpoint();
    }

    /** Returns true if the next {@link #tick()} will yield. */
    public boolean shouldYield() {
        return count + 1 >= limit;
    }
}
