package io.heddle.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * {@code GET /api/events}: a server-sent event stream. It sends the latest sample at once and then every sample the
 * {@link Sampler} takes, one per refresh interval, each as an event named {@code state} whose data is the
 * {@code /api/state} document. It asks the browser to reconnect after {@code retry} milliseconds if the connection
 * drops (an {@code EventSource} does).
 *
 * <p>Threading: each stream holds the virtual thread of its exchange, waiting on the sampler's next sample, until the
 * client goes away (the next write fails) or the dashboard closes.
 */
final class EventStream {

    private final Sampler sampler;
    private final long retryMillis;

    EventStream(Sampler sampler, long retryMillis) {
        this.sampler = sampler;
        this.retryMillis = retryMillis;
    }

    /** Streams samples to the exchange until the client leaves or the dashboard closes; to a HEAD, only headers. */
    void serve(HttpExchange exchange) throws IOException {
        Responses.common(exchange.getResponseHeaders()).set("Content-Type", "text/event-stream; charset=utf-8");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, 0);
        sampler.streamOpened();
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, "retry: " + retryMillis + "\n\n");
            Sample sample = sampler.latest();
            while (true) {
                write(out, "event: state\ndata: " + sample.stateJson() + "\n\n");
                try {
                    sample = sampler.next().join();
                } catch (CancellationException | CompletionException closed) {
                    return;
                }
            }
        } catch (IOException clientLeft) {
            // The browser closed the page or lost the connection: nothing to do.
        } finally {
            sampler.streamClosed();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
