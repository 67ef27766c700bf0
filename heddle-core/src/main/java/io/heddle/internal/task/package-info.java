/**
 * The runtime's side of tasks and cancellation scopes: tasks are cells of their own kind, and the current scope
 * travels in a scoped value.
 */
package io.heddle.internal.task;
