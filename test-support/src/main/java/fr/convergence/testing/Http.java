package fr.convergence.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real HTTP client for tests: what goes over the wire is what a browser or curl would see. Immutable: {@link #as}
 * and {@link #with} return copies, so one test can hold a client per caller.
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Http(int port) {
        this("http://127.0.0.1:" + port, Map.of());
    }

    public Http(String base, Map<String, String> headers) {
        this.base = base;
        this.headers.putAll(headers);
    }

    /** A copy that calls with this bearer token (or none, when null). */
    public Http as(String bearerToken) {
        return with("Authorization", bearerToken == null ? null : "Bearer " + bearerToken);
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

    public record Response(int status, String contentType, JsonNode body, String raw,
                           java.net.http.HttpHeaders headers) {
        /** The offending field of a problem+json answer. */
        public String field() {
            return body == null || body.get("field") == null ? null : body.get("field").asString();
        }

        /** The rule a problem+json answer names. */
        public String rule() {
            return body == null || body.get("rule") == null ? null : body.get("rule").asString();
        }

        public String text(String property) {
            return body.get(property).asString();
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
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

    /** Any method, with an optional JSON body. */
    public Response send(String method, String path, String json) {
        HttpRequest.Builder b = builder(path);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        return b;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = sendOnce(request);
            JsonNode body = r.body().isBlank() ? null : tryParse(r.body());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body, r.body(),
                    r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends, and sends again once if the pooled connection it went out on had been closed by the server (an idle
     * keep-alive connection closed by the server as the request was written: "received no bytes", a broken pipe).
     * Nothing reached the server's application then, so the one retry, on a new connection, is safe for any method;
     * a server that really drops the request fails the retry too. The JDK retries only idempotent methods itself.
     */
    private static HttpResponse<String> sendOnce(HttpRequest request) throws IOException, InterruptedException {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("received no bytes")) {
                return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            }
            throw e;
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
