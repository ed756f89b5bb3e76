package fr.convergence.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP, as a client would call the platform; a transport failure is status -1 (outcome unknown). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    Api(String base) {
        this.base = base;
    }

    record Reply(int status, JsonNode body, String raw) {
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("X-User-Id", "reliability")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-User-Id", "reliability").GET().build());
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = r.body().isBlank() ? null : JSON.readTree(r.body());
            } catch (Exception notJson) {
                // keep raw
            }
            return new Reply(r.statusCode(), body, r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, null, "interrupted");
        } catch (Exception e) {
            return new Reply(-1, null, e.toString());
        }
    }
}
