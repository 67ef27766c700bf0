package io.heddle.internal.dispatch;

/**
 * Where an actor system gets its threads. Every thread Heddle starts comes from here, so a deterministic scheduler can
 * take over all of them. Threads are returned unstarted.
 */
public interface ThreadSource {

    /** Returns an unstarted virtual thread. */
    Thread newVirtualThread(String name, Runnable task);

    /** Returns an unstarted daemon platform thread. */
    Thread newPlatformThread(String name, Runnable task);

    /** The JDK's own threads: virtual threads on the default scheduler, daemon platform threads. */
    ThreadSource JDK = new ThreadSource() {
        @Override
        public Thread newVirtualThread(String name, Runnable task) {
            return Thread.ofVirtual().name(name).unstarted(task);
        }

        @Override
        public Thread newPlatformThread(String name, Runnable task) {
            return Thread.ofPlatform().name(name).daemon(true).unstarted(task);
        }
    };
}
