package io.heddle.internal.task;

import io.heddle.internal.time.RuntimeClock;
import java.util.function.BooleanSupplier;

/**
 * Where the runtime meets cancellation scopes ({@link ScopeEngine}) without depending on them: the scoped value that
 * holds the current scope, and what the runtime asks of it. Until a scope exists nothing is bound, and calls pay one
 * {@code isBound} check.
 */
public final class Scopes {

    /** The scope the running code belongs to (a {@link ScopeEngine}); unbound outside any. */
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

    private static final Access ACCESS = new Access() {
        @Override
        public long deadlineOn(Object scope, RuntimeClock clock) {
            return ((ScopeEngine) scope).deadlineOn(clock);
        }

        @Override
        public String cancelReason(Object scope) {
            return ((ScopeEngine) scope).cancelReason();
        }

        @Override
        public Object forCall(RuntimeClock clock, long deadline, BooleanSupplier abandoned) {
            return ScopeEngine.forCall(clock, deadline, abandoned);
        }
    };

    private Scopes() {}

    /** Returns what the runtime asks of a scope. */
    public static Access access() {
        return ACCESS;
    }
}
