package io.heddle.supervision;

/** What a supervisor restarts when one child exits and must be restarted, as in OTP. */
public enum Strategy {
    /** Only that child. The default. */
    ONE_FOR_ONE,
    /** Every child: the others are stopped (newest first) and all are started again in order. */
    ONE_FOR_ALL,
    /** That child and the children started after it: those are stopped (newest first) and started again in order. */
    REST_FOR_ONE
}
