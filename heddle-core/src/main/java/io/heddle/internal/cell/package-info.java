/**
 * An actor cell, split by concern into a chain of package-private classes that share one object per actor: identity
 * and state (CellCore), sending, termination, running a handler, concurrent reads, the turn loop with reentrancy,
 * the call protocol, selective receive, and the reference and context (ActorCell). Per-concern parts that most
 * actors never use hang off one field (CellParts), each allocated on first use.
 */
package io.heddle.internal.cell;
