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

    // SPI: what adapters implement (observers, scheduling metrics, message codecs).
    exports io.heddle.spi;

    // Qualified: the engine is not exported, except to the test kit, which replaces the system's threads and clock
    // to run it deterministically, injects faults into deliveries and runs behaviors without a system.
    exports io.heddle.internal.cell to io.heddle.testkit;
    exports io.heddle.internal.dispatch to io.heddle.testkit;
    exports io.heddle.internal.system to io.heddle.testkit;
    exports io.heddle.internal.time to io.heddle.testkit;
    exports io.heddle.internal.testing to io.heddle.testkit;
    exports io.heddle.internal.table to io.heddle.testkit;
    exports io.heddle.internal.supervision to io.heddle.testkit;
    exports io.heddle.internal.call to io.heddle.testkit;
    exports io.heddle.internal.routing to io.heddle.testkit;
    exports io.heddle.internal.task to io.heddle.testkit;
}
