package io.heddle.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The tests' HTTP client: plain requests against a dashboard, bodies as strings, JSON parsed strictly. */
final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    static HttpResponse<String> get(Dashboard dashboard, String path) {
        return send(HttpRequest.newBuilder(dashboard.uri().resolve(path)).GET());
    }

    /** A POST with the token header, or without it if {@code token} is null. */
    static HttpResponse<String> post(Dashboard dashboard, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(dashboard.uri().resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) request.header("X-Heddle-Token", token);
        return send(request);
    }

    static Map<String, Object> getObject(Dashboard dashboard, String path) {
        HttpResponse<String> response = get(dashboard, path);
        if (response.statusCode() != 200) throw new AssertionError(path + " answered " + response.statusCode()
                + ": " + response.body());
        return JsonParser.object(response.body());
    }

    static List<Object> getArray(Dashboard dashboard, String path) {
        HttpResponse<String> response = get(dashboard, path);
        if (response.statusCode() != 200) throw new AssertionError(path + " answered " + response.statusCode()
                + ": " + response.body());
        return JsonParser.array(response.body());
    }

    /** The actor named {@code name} in an actor list, or null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> named(List<Object> actors, String name) {
        for (Object o : actors) {
            Map<String, Object> a = (Map<String, Object>) o;
            if (name.equals(a.get("name"))) return a;
        }
        return null;
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
