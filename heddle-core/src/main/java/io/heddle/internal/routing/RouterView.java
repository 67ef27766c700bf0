package io.heddle.internal.routing;

import io.heddle.inspect.RouterInfo;

/** A router as inspection sees it; implemented by {@link RouterEngine}. */
public interface RouterView {

    /** Describes the router now. Called from any thread; must not block. */
    RouterInfo describe();
}
