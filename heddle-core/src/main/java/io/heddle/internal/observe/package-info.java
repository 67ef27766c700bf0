/**
 * Observers as one (with their failures contained), the inspector, and the meta that carries an observer's value
 * from a send to its handler.
 */
package io.heddle.internal.observe;
