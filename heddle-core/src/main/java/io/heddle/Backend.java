package io.heddle;

/**
 * Where an actor's handlers run.
 *
 * <ul>
 *   <li>{@link Dispatcher} (the default): the system's shared workers, a few virtual threads that take ready actors
 *       from a queue. An idle actor holds no thread. A handler may block in a Heddle operation ({@code call},
 *       selective {@code receive}, a send to a full mailbox) without holding up other actors: the worker parks and
 *       another takes its place.</li>
 *   <li>{@link VirtualThread}: a virtual thread of the actor's own, for actors that spend most of their time blocked in
 *       JDK I/O or other code Heddle cannot see.</li>
 *   <li>{@link PlatformThread}: an operating-system thread of the actor's own, for CPU-bound loops or native code
 *       that pins its carrier.</li>
 * </ul>
 *
 * <p>Thread-safe: immutable values.
 */
public sealed interface Backend {

    /** The shared dispatcher; the default. */
    static Backend dispatcher() {
        return Dispatcher.INSTANCE;
    }

    /** A dedicated virtual thread per actor. */
    static Backend virtualThread() {
        return VirtualThread.INSTANCE;
    }

    /** A dedicated platform thread per actor. */
    static Backend platformThread() {
        return PlatformThread.INSTANCE;
    }

    /** The system's shared dispatcher. */
    record Dispatcher() implements Backend {
        static final Dispatcher INSTANCE = new Dispatcher();
    }

    /** One virtual thread for the actor's lifetime. */
    record VirtualThread() implements Backend {
        static final VirtualThread INSTANCE = new VirtualThread();
    }

    /** One platform (operating-system) thread for the actor's lifetime. */
    record PlatformThread() implements Backend {
        static final PlatformThread INSTANCE = new PlatformThread();
    }
}
