package io.heddle.internal.call;

import io.heddle.scheduling.CallChain;

/** Where the call chain of the running handler is bound; read through {@link CallChain#current()}. */
public final class Chains {

    /** The chain of the call being handled, or of the handler that started the current task; unbound elsewhere. */
    public static final ScopedValue<CallChain> CURRENT = ScopedValue.newInstance();

    private Chains() {}
}
