package io.heddle.inspect;

/** What kind of entry of the actor table an {@link ActorInfo} describes. */
public enum ActorKind {
    /** An actor spawned by the application. */
    ACTOR,
    /** A {@link io.heddle.supervision.Supervisor} or {@link io.heddle.supervision.DynamicSupervisor}. */
    SUPERVISOR,
    /** A {@link io.heddle.task.Task}: one computation with a pid. */
    TASK
}
