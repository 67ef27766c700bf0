package io.heddle.internal.supervision;

/**
 * What a supervisor's child carries for inspection: its child spec id, and how many restarts came before this
 * incarnation. Set once, before the child is published.
 *
 * @param childId  the id of the child spec
 * @param restarts the restarts before this incarnation
 */
public record ChildRecord(String childId, int restarts) {}
