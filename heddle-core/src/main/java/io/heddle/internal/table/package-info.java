/**
 * The actor table: the supervision tree, links, monitors, names and groups of a system's live actors under one
 * lock, each actor's entry allocated on first use, and the registry on top.
 */
package io.heddle.internal.table;
