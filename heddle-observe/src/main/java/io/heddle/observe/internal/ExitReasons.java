package io.heddle.observe.internal;

import io.heddle.ExitReason;

/** Names exit reasons by their kind, for tags and event fields that must take few values. Thread-safe; never throws. */
public final class ExitReasons {

    private ExitReasons() {}

    /** Returns {@code normal}, {@code shutdown}, {@code killed}, {@code error}, {@code linked} or {@code noproc}. */
    public static String kind(ExitReason reason) {
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
