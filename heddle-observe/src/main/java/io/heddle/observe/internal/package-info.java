/** What the adapters share; not exported. */
package io.heddle.observe.internal;
