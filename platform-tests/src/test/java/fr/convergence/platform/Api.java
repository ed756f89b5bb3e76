package fr.convergence.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.deploy.auth.SignIn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Real HTTP, as a client would call the platform; a transport failure is status -1 (outcome unknown). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final Supplier<String> token;

    /** Without a token: what an anonymous caller gets. */
    Api(String base) {
        this(base, () -> null);
    }

    private Api(String base, Supplier<String> token) {
        this.base = base;
        this.token = token;
    }

    /** The same platform, called as {@code user} (signed in through the identity provider; tokens are cached). */
    Api as(SignIn signIn, String user) {
        return new Api(base, () -> signIn.token(user));
    }

    /** The same platform, called with this raw bearer token. */
    Api withToken(String rawToken) {
        return new Api(base, () -> rawToken);
    }

    record Reply(int status, JsonNode body, String raw) {
    }

    Reply post(String path, String json) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply get(String path) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)))
                .GET().build());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        String t = token.get();
        return t == null ? request : request.header("Authorization", "Bearer " + t);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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
