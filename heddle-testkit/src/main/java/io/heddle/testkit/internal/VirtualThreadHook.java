package io.heddle.testkit.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.concurrent.Executor;

/**
 * The only place that reaches into the JDK's internals: it builds virtual threads that run on a scheduler of the
 * simulation's choosing, and maps the task a virtual thread submits back to the thread. JDK 25 has no public way to
 * do either. Checked per JDK by {@code VirtualThreadHookTest}.
 *
 * <ul>
 *   <li>{@code java.lang.ThreadBuilders$VirtualThreadBuilder(Executor)}: a package-private constructor; the JDK calls
 *       the executor each time a thread built by it (or a virtual thread started inside one) becomes runnable, with a
 *       task that runs the thread until it next parks, yields or ends.</li>
 *   <li>That task is a lambda over the thread ({@code VirtualThread::runContinuation}); its single captured field is
 *       the thread.</li>
 *   <li>{@code java.lang.VirtualThread.scheduler}: the executor of a virtual thread.</li>
 * </ul>
 * All of it needs {@code --add-opens java.base/java.lang=io.heddle.testkit} (or {@code =ALL-UNNAMED} with the test kit
 * on the class path); without it, {@link #builder} fails with a message that says so.
 */
public final class VirtualThreadHook {

    private static final String OPENS = "--add-opens java.base/java.lang=" + openTarget();

    private VirtualThreadHook() {}

    private static String openTarget() {
        Module module = VirtualThreadHook.class.getModule();
        return module.isNamed() ? module.getName() : "ALL-UNNAMED";
    }

    /** Returns a builder of virtual threads scheduled by {@code scheduler}. */
    public static Thread.Builder.OfVirtual builder(Executor scheduler) {
        try {
            Class<?> type = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            Constructor<?> constructor = type.getDeclaredConstructor(Executor.class);
            constructor.setAccessible(true);
            return (Thread.Builder.OfVirtual) constructor.newInstance(scheduler);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("heddle-testkit's simulation cannot give virtual threads its own "
                    + "scheduler on this JVM (" + Runtime.version() + "). Run the tests with " + OPENS + " (for "
                    + "Maven, in the surefire plugin's argLine). Cause: " + e, e);
        }
    }

    /** The captured-thread field of the run task's class, found once. */
    private static volatile Field runTaskThread;

    /** Returns the virtual thread whose run task is {@code task}, or null if {@code task} is not one. */
    public static Thread threadOf(Runnable task) {
        try {
            Field field = runTaskThread;
            if (field == null || field.getDeclaringClass() != task.getClass()) {
                field = null;
                for (Field f : task.getClass().getDeclaredFields()) {
                    if (Thread.class.isAssignableFrom(f.getType())) {
                        f.setAccessible(true);
                        field = f;
                        break;
                    }
                }
                if (field == null) return null;
                runTaskThread = field;
            }
            return (Thread) field.get(task);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Returns the scheduler of virtual thread {@code thread}, or null if it is not a virtual thread. */
    public static Executor schedulerOf(Thread thread) {
        if (!thread.isVirtual()) return null;
        try {
            Field field = Class.forName("java.lang.VirtualThread").getDeclaredField("scheduler");
            field.setAccessible(true);
            return (Executor) field.get(thread);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
