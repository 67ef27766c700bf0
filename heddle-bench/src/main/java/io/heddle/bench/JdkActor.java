package io.heddle.bench;

import java.time.Duration;
import java.util.concurrent.LinkedTransferQueue;

/**
 * A hand-written "actor" for the bare-JDK baselines: one virtual thread blocked in {@link LinkedTransferQueue#take()}
 * on a queue of its own, handling one message at a time. This is the thread-per-actor model with no framework: no
 * supervision, no bound on the queue, no dead letters. {@code take()} spins briefly before it parks, so a busy
 * "actor" does not pay a park and unpark per message.
 *
 * {@snippet :
 * JdkActor<String> printer = new JdkActor<String>().start(message -> {
 *     System.out.println(message);
 *     return true;                       // keep going; false ends the thread
 * });
 * printer.tell("hello");
 * }
 *
 * <p>A handler that throws ends the thread and prints the exception: the run it belongs to then times out with its
 * progress ({@link Check#TIMEOUT_SECONDS}), like a framework that lost a message.
 *
 * <p>Threading: {@link #tell} and {@link #stop} are thread-safe; the handler runs on the actor's thread only.
 *
 * @param <M> the message type
 */
public final class JdkActor<M> {

    /** What a {@link JdkActor} does with a message. */
    @FunctionalInterface
    public interface Handler<M> {
        /** Handles one message; returns false to end the actor's thread. */
        boolean handle(M message) throws Exception;
    }

    private static final Object STOP = new Object();

    private final LinkedTransferQueue<Object> queue = new LinkedTransferQueue<>();
    private Thread thread;

    /** Starts the actor's virtual thread with {@code handler}; returns this actor. Call once. */
    public JdkActor<M> start(Handler<M> handler) {
        if (thread != null) throw new IllegalStateException("started twice");
        thread = Thread.ofVirtual().start(() -> loop(handler));
        return this;
    }

    @SuppressWarnings("unchecked")
    private void loop(Handler<M> handler) {
        try {
            for (;;) {
                Object message = queue.take();
                if (message == STOP || !handler.handle((M) message)) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            System.err.println("JdkActor handler failed; its run will time out:");
            t.printStackTrace();
        }
    }

    /** Queues {@code message}; never blocks. */
    public void tell(M message) {
        queue.offer(message);
    }

    /** Ends the actor's thread after the messages already queued. */
    public void stop() {
        queue.offer(STOP);
    }

    /** Stops the actor and waits a little for its thread to end. */
    public void stopAndJoin() {
        stopAndJoin(java.util.List.of(this));
    }

    /** Stops every actor in {@code actors}, then waits a little for each thread to end. */
    public static void stopAndJoin(Iterable<? extends JdkActor<?>> actors) {
        for (JdkActor<?> actor : actors) actor.stop();
        try {
            for (JdkActor<?> actor : actors) {
                if (actor.thread != null) actor.thread.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
