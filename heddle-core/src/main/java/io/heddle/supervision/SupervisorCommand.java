package io.heddle.supervision;

import io.heddle.internal.supervision.SupervisorRequest;

/**
 * The messages a supervisor actor accepts. Applications do not build them: they use {@link Supervisor} or
 * {@link DynamicSupervisor}, whose methods send them. The type exists so that a supervisor has a typed
 * {@code ActorRef<SupervisorCommand>} that can itself be supervised, linked, monitored and registered.
 */
public sealed interface SupervisorCommand permits SupervisorRequest {}
