/**
 * Supervisors as actors: the supervisor engine behind Supervisor and DynamicSupervisor, its requests, and the
 * record a child carries for inspection.
 */
package io.heddle.internal.supervision;
