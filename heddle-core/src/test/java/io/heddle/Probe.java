package io.heddle;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What actors under test report, in order: they put messages here from their handlers and the test takes them out,
 * waiting up to ten seconds for each. No sleeps: to show that something did not happen, have the actor handle a later
 * marker message and check what came before it.
 */
final class Probe {

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    /** Records {@code message}; call from any thread. */
    void tell(Object message) {
        queue.add(message);
    }

    /** Waits for the next message. */
    Object next() throws InterruptedException {
        Object message = queue.poll(10, TimeUnit.SECONDS);
        assertNotNull(message, "no message reached the probe within 10 s");
        return message;
    }

    /** Waits for the next message and checks its type. */
    <T> T expect(Class<T> type) throws InterruptedException {
        return assertInstanceOf(type, next());
    }

    /** Returns what has arrived so far without waiting. */
    List<Object> drain() {
        List<Object> all = new ArrayList<>();
        queue.drainTo(all);
        return all;
    }
}
