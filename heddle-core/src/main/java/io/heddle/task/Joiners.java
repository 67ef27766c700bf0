package io.heddle.task;

import java.util.List;

/** What the joiners share: building the exceptions that say which tasks failed, keeping the others suppressed. */
final class Joiners {

    private Joiners() {}

    static <T> Outcome.Failure<T> firstFailure(List<Outcome<T>> outcomes) {
        for (Outcome<T> o : outcomes) {
            if (o instanceof Outcome.Failure<T> f) return f;
        }
        return null;
    }

    static <T> TaskFailedException failed(Outcome.Failure<T> first, List<Outcome<T>> outcomes, String what) {
        int failures = 0;
        for (Outcome<T> o : outcomes) if (o instanceof Outcome.Failure<T>) failures++;
        TaskFailedException e = new TaskFailedException(first.task().pid(), "task " + first.task() + " " + what
                + ": " + first.cause() + (failures > 1 ? " (and " + (failures - 1) + " more failed: see suppressed)"
                : ""), first.cause());
        for (Outcome<T> o : outcomes) {
            if (o instanceof Outcome.Failure<T> f && f != first) e.addSuppressed(f.cause());
        }
        return e;
    }

    static <T> void throwIfCancelled(List<Outcome<T>> outcomes) {
        for (Outcome<T> o : outcomes) {
            if (o instanceof Outcome.Cancelled<T> c) {
                throw new CancelledException("task " + c.task() + " was cancelled: " + c.reason());
            }
        }
    }
}
