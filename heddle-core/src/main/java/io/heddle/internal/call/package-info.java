/**
 * The call protocol: a pending reply (the ReplyTo a callee answers and the slot the caller waits on), the one
 * deadline computation, the caller's call state, the wait graph that refuses deadlocks, and call chains.
 */
package io.heddle.internal.call;
