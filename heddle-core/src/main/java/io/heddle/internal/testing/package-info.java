/**
 * Hooks for the test kit only: the delivery interceptor that injects faults.
 */
package io.heddle.internal.testing;
