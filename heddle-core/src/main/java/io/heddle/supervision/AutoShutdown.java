package io.heddle.supervision;

/**
 * Whether a supervisor stops itself when its significant children exit, as OTP's {@code auto_shutdown}. Only
 * {@link Restart#TRANSIENT} and {@link Restart#TEMPORARY} children can be significant; the supervisor reacts when such
 * a child exits and is not restarted.
 */
public enum AutoShutdown {
    /** Never; significant children are not allowed. The default. */
    NEVER,
    /** When any significant child exits for good. */
    ANY_SIGNIFICANT,
    /** When every significant child has exited for good. */
    ALL_SIGNIFICANT
}
