/**
 * The routing engines behind io.heddle.routing, the handover that gives a stopping pool worker's messages to
 * another, and the view inspection has of a router.
 */
package io.heddle.internal.routing;
