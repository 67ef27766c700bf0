package io.heddle.dashboard;

import io.heddle.Pid;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pid as {@link Pid#toString()} prints it, {@code <0.42.1>}, or without the angle brackets, {@code 0.42.1}
 * (handier in a URL). Only local pids (node 0) exist. Thread-safe: stateless.
 */
final class PidText {

    private static final Pattern PID = Pattern.compile("<?0\\.(\\d{1,18})\\.(\\d{1,9})>?");

    private PidText() {}

    /**
     * Returns the pid {@code text} names.
     *
     * @throws IllegalArgumentException with a message that shows the expected form, if {@code text} is not a pid
     */
    static Pid parse(String text) {
        Matcher m = PID.matcher(text);
        if (!m.matches() || text.startsWith("<") != text.endsWith(">")) {
            throw new IllegalArgumentException("'" + text + "' is not a pid: write it as Heddle prints it, <0.42.0>,"
                    + " or without the angle brackets, 0.42.0");
        }
        try {
            return new Pid(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a pid: its numbers are too large", e);
        }
    }
}
