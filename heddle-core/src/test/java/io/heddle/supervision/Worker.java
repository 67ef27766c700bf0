package io.heddle.supervision;

import io.heddle.Actor;
import io.heddle.ExitReason;
import io.heddle.Health;
import io.heddle.ReplyTo;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A supervised test child: it records its starts and stops in a shared journal ("start:b#2", "stop:b:error"), and
 * exits or reports health on command.
 */
final class Worker extends Actor<Worker.Command> {

    sealed interface Command permits Exit, Crash, Report, Incarnation {}

    /** Stop normally. */
    record Exit() implements Command {}

    /** Throw. */
    record Crash(String why) implements Command {}

    /** Report a health. */
    record Report(Health health) implements Command {}

    /** Reply with the incarnation number. */
    record Incarnation(ReplyTo<Integer> replyTo) implements Command {}

    private final String id;
    private final List<String> journal;
    private final int incarnation;

    private Worker(String id, List<String> journal, int incarnation) {
        this.id = id;
        this.journal = journal;
        this.incarnation = incarnation;
    }

    /** A spec whose factory numbers the incarnations of {@code id}, from 1. */
    static ChildSpec<Command> spec(String id, List<String> journal) {
        AtomicInteger incarnations = new AtomicInteger();
        return ChildSpec.worker(id, () -> new Worker(id, journal, incarnations.incrementAndGet()));
    }

    @Override
    protected void init() {
        journal.add("start:" + id + "#" + incarnation);
    }

    @Override
    protected void handle(Command command) throws Exception {
        switch (command) {
            case Exit e -> context().stop();
            case Crash(String why) -> throw new IllegalStateException(why);
            case Report(Health health) -> context().reportHealth(health);
            case Incarnation(ReplyTo<Integer> replyTo) -> replyTo.reply(incarnation);
        }
    }

    @Override
    protected void terminate(ExitReason reason) {
        journal.add("stop:" + id + ":" + kind(reason));
    }

    static String kind(ExitReason reason) {
        return switch (reason) {
            case ExitReason.Normal n -> "normal";
            case ExitReason.Shutdown s -> "shutdown";
            case ExitReason.Killed k -> "killed";
            case ExitReason.Error e -> "error";
            case ExitReason.Linked l -> "linked";
            case ExitReason.NoProc p -> "noproc";
        };
    }
}
