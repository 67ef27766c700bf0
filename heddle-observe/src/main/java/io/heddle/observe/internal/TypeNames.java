package io.heddle.observe.internal;

import java.util.Locale;

/**
 * Short, stable names of message types and enum constants, for span names, tags and event fields. Thread-safe;
 * throws only for a null argument.
 */
public final class TypeNames {

    private TypeNames() {}

    /**
     * Returns the simple name of {@code type}; for an anonymous class its binary name without the package
     * ({@code Orders$1}), for a lambda that of its declaring class with {@code $lambda} ({@code Orders$lambda}).
     */
    public static String simpleName(Class<?> type) {
        String name = type.getName();
        int lambda = name.indexOf("$$Lambda");
        if (lambda >= 0) name = name.substring(0, lambda) + "$lambda";
        else if (!type.getSimpleName().isEmpty()) return type.getSimpleName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Returns the constant's name in lower case: {@code MAILBOX_FULL} becomes {@code mailbox_full}. */
    public static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
