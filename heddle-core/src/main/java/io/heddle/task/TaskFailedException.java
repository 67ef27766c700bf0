package io.heddle.task;

import io.heddle.HeddleException;
import io.heddle.Pid;

/**
 * A task failed, and with it the join that waited for it. The message names the task and its failure, which is the
 * cause; the failures of other tasks of the same group, if any, are suppressed exceptions.
 */
public final class TaskFailedException extends HeddleException {

    private final Pid task;

    /** Creates the exception. */
    public TaskFailedException(Pid task, String message, Throwable cause) {
        super(message, cause);
        this.task = task;
    }

    /** Returns the pid of the task whose failure this reports. */
    public Pid task() {
        return task;
    }
}
