package io.heddle.supervision;

/** When a supervisor restarts a child that exited, as in OTP. */
public enum Restart {
    /** Always: the child is meant to run as long as its supervisor. The default. */
    PERMANENT,
    /** Only after an abnormal exit ({@link io.heddle.ExitReason#isAbnormal()}): a normal or shutdown exit is final. */
    TRANSIENT,
    /** Never: the child is removed from the supervisor when it exits, whatever the reason. */
    TEMPORARY
}
