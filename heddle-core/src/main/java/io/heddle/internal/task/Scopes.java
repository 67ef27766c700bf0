package io.heddle.internal.task;

import io.heddle.internal.time.RuntimeClock;
import java.util.function.BooleanSupplier;

/**
 * Where the runtime meets {@code io.heddle.task.CancellationScope} without depending on its internals: the scoped
 * value that holds the current scope, and an accessor the scope class installs when it is first used (the JDK's
 * "shared secrets" pattern). Until a scope exists nothing is bound, and calls pay one {@code isBound} check.
 */
public final class Scopes {

    /** The scope the running code belongs to; unbound outside any. */
    public static final ScopedValue<Object> CURRENT = ScopedValue.newInstance();

    /** What the runtime asks of a scope. */
    public interface Access {
        /** The scope's deadline on {@code clock}'s scale, or {@link Long#MAX_VALUE}. */
        long deadlineOn(Object scope, RuntimeClock clock);

        /** Why the scope is cancelled, or null if it is not. */
        String cancelReason(Object scope);

        /** The scope a call's handler runs in: the caller's deadline, cancelled once the caller gives up. */
        Object forCall(RuntimeClock clock, long deadline, BooleanSupplier abandoned);
    }

    private static volatile Access access;

    private Scopes() {}

    /** Called once by the scope class. */
    public static void install(Access installed) {
        access = installed;
    }

    public static Access access() {
        Access a = access;
        if (a == null) {
            try {
                // The scope class installs the accessor when it initialises: make sure it has.
                Class.forName("io.heddle.task.CancellationScope", true, Scopes.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("io.heddle.task.CancellationScope is missing", e);
            }
            a = access;
        }
        return a;
    }
}
