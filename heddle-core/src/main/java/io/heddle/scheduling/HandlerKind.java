package io.heddle.scheduling;

/** Which kind of callback a handler report is about. */
public enum HandlerKind {

    /** The actor's start: a setup factory, or {@link io.heddle.Actor#init()}. */
    INIT,

    /** A request sent with {@link io.heddle.ActorRef#call}, which expects a reply. */
    CALL,

    /** A message sent with {@link io.heddle.ActorRef#cast} or one of its variants. */
    CAST,

    /** A message from one of the actor's own timers. */
    TIMER,

    /** An exit signal of a link (while trapping exits) or a down notice of a monitor. */
    SIGNAL
}
