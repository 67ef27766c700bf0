/**
 * Control messages (stop, kill, exit, down), which travel in a lane of their own that is never bounded, and the
 * state that turns exit signals and down notices into an actor's messages.
 */
package io.heddle.internal.signals;
