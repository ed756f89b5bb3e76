package fr.convergence.participant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client for tests: what goes over the wire is what a browser or curl would see. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
        headers.put("X-User-Id", "cip-test");
    }

    private Http(String base, Map<String, String> headers) {
        this.base = base;
        this.headers.putAll(headers);
    }

    /** A copy sending one more header (or none, when value is null). */
    public Http with(String header, String value) {
        Http copy = new Http(base, headers);
        if (value == null) {
            copy.headers.remove(header);
        } else {
            copy.headers.put(header, value);
        }
        return copy;
    }

    public record Response(int status, String contentType, JsonNode body, String raw) {
        public String field() {
            return body == null || body.get("field") == null ? null : body.get("field").asString();
        }

        public String text(String property) {
            return body.get(property).asString();
        }
    }

    public Response post(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response put(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response get(String path) {
        return send(builder(path).GET().build());
    }

    public Response delete(String path) {
        return send(builder(path).DELETE().build());
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        return b;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isBlank() ? null : tryParse(r.body());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body, r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tryParse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
