package io.heddle.observe.slf4j;

import org.slf4j.MDC;

/** What the MDC held under Heddle's keys before a handler, to put back after it. */
record MdcValues(String system, String pid, String actor) {

    /** Nothing under any key: the usual case, shared. */
    static final MdcValues NONE = new MdcValues(null, null, null);

    /** Returns what the current thread's MDC holds under the keys. */
    static MdcValues current() {
        String system = MDC.get(HeddleMdc.SYSTEM_KEY);
        String pid = MDC.get(HeddleMdc.PID_KEY);
        String actor = MDC.get(HeddleMdc.ACTOR_KEY);
        return system == null && pid == null && actor == null ? NONE : new MdcValues(system, pid, actor);
    }

    /** Puts these values in the current thread's MDC, removing the keys whose value is null. */
    void restore() {
        restore(HeddleMdc.SYSTEM_KEY, system);
        restore(HeddleMdc.PID_KEY, pid);
        restore(HeddleMdc.ACTOR_KEY, actor);
    }

    private static void restore(String key, String value) {
        if (value == null) MDC.remove(key);
        else MDC.put(key, value);
    }
}
