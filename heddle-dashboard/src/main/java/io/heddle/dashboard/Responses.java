package io.heddle.dashboard;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes responses with the headers every answer of the dashboard carries: not cached, not sniffed, no referrer (the
 * page's URL may hold the token), not framed.
 *
 * <p>Thread-safe: stateless; each exchange is used by one thread.
 */
final class Responses {

    static final String JSON = "application/json; charset=utf-8";

    private Responses() {}

    /** Sends a JSON body with {@code status}. */
    static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends an error: a JSON object with the status and a message that says what went wrong and what to do. */
    static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, StateJson.error(status, message));
    }

    /** Sends {@code body} with {@code status} and content type. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        common(exchange.getResponseHeaders()).set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** Adds the headers every response carries; returns them. */
    static Headers common(Headers headers) {
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        return headers;
    }
}
