package io.heddle.scheduling;

import java.util.List;

/** Formats stacks for event messages. */
final class Stacks {

    private Stacks() {}

    static String format(List<StackTraceElement> stack) {
        if (stack.isEmpty()) return "";
        StringBuilder s = new StringBuilder();
        for (StackTraceElement e : stack) s.append("\n\tat ").append(e);
        return s.toString();
    }
}
