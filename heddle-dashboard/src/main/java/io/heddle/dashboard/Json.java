package io.heddle.dashboard;

/**
 * A small streaming JSON writer: objects, arrays, strings, numbers, booleans and null, with commas placed for the
 * caller. It writes no whitespace and escapes every control character, so its output is one line (as a server-sent
 * event's data must be).
 *
 * <p>Not thread-safe: one writer builds one document, on one thread. Misuse (a value where a name is due, unbalanced
 * ends) throws {@link IllegalStateException}.
 */
final class Json {

    private final StringBuilder out = new StringBuilder(256);
    /** For each open container, whether a value has been written in it yet; bit 0 is the innermost. */
    private long hasValue;
    /** For each open container, whether it is an object (else an array); bit 0 is the innermost. */
    private long isObject;
    private int depth;
    private boolean nameWritten;

    /** Opens an object. */
    Json beginObject() {
        beforeValue();
        out.append('{');
        push(true);
        return this;
    }

    /** Closes the current object. */
    Json endObject() {
        if ((isObject & 1L) == 0) throw new IllegalStateException("endObject() inside an array");
        pop();
        out.append('}');
        return this;
    }

    /** Opens an array. */
    Json beginArray() {
        beforeValue();
        out.append('[');
        push(false);
        return this;
    }

    /** Closes the current array. */
    Json endArray() {
        if ((isObject & 1L) != 0) throw new IllegalStateException("endArray() inside an object");
        pop();
        out.append(']');
        return this;
    }

    /** Writes a member's name; its value must follow. */
    Json name(String name) {
        if (depth == 0 || nameWritten || (isObject & 1L) == 0) {
            throw new IllegalStateException("a JSON name must be inside an object, before its value");
        }
        comma();
        string(name);
        out.append(':');
        nameWritten = true;
        return this;
    }

    /** Writes a string, or null. */
    Json value(String value) {
        beforeValue();
        if (value == null) out.append("null");
        else string(value);
        return this;
    }

    /** Writes an integer. */
    Json value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** Writes a number, or null if it is NaN or infinite (which JSON cannot express). */
    Json value(double value) {
        beforeValue();
        if (Double.isFinite(value)) out.append(value);
        else out.append("null");
        return this;
    }

    /** Writes a boolean. */
    Json value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** Writes null. */
    Json nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** Writes a string member. */
    Json field(String name, String value) {
        return name(name).value(value);
    }

    /** Writes an integer member. */
    Json field(String name, long value) {
        return name(name).value(value);
    }

    /** Writes a number member. */
    Json field(String name, double value) {
        return name(name).value(value);
    }

    /** Writes a boolean member. */
    Json field(String name, boolean value) {
        return name(name).value(value);
    }

    /** Returns the document; every container must be closed. */
    @Override
    public String toString() {
        if (depth != 0) throw new IllegalStateException("JSON document has " + depth + " unclosed containers");
        return out.toString();
    }

    private void beforeValue() {
        if (depth > 0 && !nameWritten && (isObject & 1L) != 0) {
            throw new IllegalStateException("a JSON value in an object needs a name first");
        }
        if (!nameWritten) comma();
        nameWritten = false;
    }

    private void comma() {
        if (depth == 0) {
            if (!out.isEmpty()) throw new IllegalStateException("a JSON document has one top-level value");
            return;
        }
        if ((hasValue & 1L) != 0) out.append(',');
        hasValue |= 1L;
    }

    private void push(boolean object) {
        if (depth == 63) throw new IllegalStateException("JSON nested deeper than 63 levels");
        hasValue <<= 1;
        isObject = isObject << 1 | (object ? 1L : 0L);
        depth++;
    }

    private void pop() {
        if (depth == 0 || nameWritten) throw new IllegalStateException("unbalanced JSON end");
        hasValue >>>= 1;
        isObject >>>= 1;
        depth--;
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Control characters, and the two line separators JavaScript once refused in strings.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
