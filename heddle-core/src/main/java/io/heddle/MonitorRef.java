package io.heddle;

import java.util.Objects;

/**
 * The identity of one monitor, returned by {@link ActorContext#monitor} and carried by the {@link Down} notice that
 * ends it. Monitoring the same actor twice gives two monitors and, in the end, two notices.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id     unique among the monitors of this JVM
 * @param target the pid of the monitored actor
 */
public record MonitorRef(long id, Pid target) {

    /** Rejects a null target. */
    public MonitorRef {
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String toString() {
        return "#Ref<" + id + " on " + target + ">";
    }
}
