/**
 * The seam for location transparency: Recipient, the one interface ActorRef permits, which the local cell
 * implements and a remote reference will.
 */
package io.heddle.internal.ref;
