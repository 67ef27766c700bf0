/**
 * Heddle's actor runtime: typed actors with cast and call, pids, mailboxes with buffer strategies, a dispatcher on
 * virtual threads, timers, stash, selective receive, dead letters, links, monitors, a registry, supervisors,
 * structured concurrency (tasks, task groups, cancellation scopes with deadlines), and scheduling controls (throughput,
 * handler timeouts, reentrancy, urgent messages, a starvation and blocking watchdog).
 * Depends on the JDK only.
 */
module io.heddle.core {
    // API: everything an application uses.
    exports io.heddle;
    exports io.heddle.supervision;
    exports io.heddle.task;
    exports io.heddle.scheduling;
    exports io.heddle.inspect;
    exports io.heddle.routing;

    // Implementation: io.heddle.internal is not exported, except to the test kit, which replaces the system's threads
    // and clock to run it deterministically.
    exports io.heddle.internal to io.heddle.testkit;
}
