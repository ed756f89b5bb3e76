package fr.convergence.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.deploy.auth.SignIn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The demo loader's only way in: the platform's public API, through the gateway. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final SignIn signIn;

    /** Calls go to {@code base} as the named demo users, signed in through the identity provider. */
    ApiClient(String base, SignIn signIn) {
        this.base = base;
        this.signIn = signIn;
    }

    record Reply(int status, JsonNode body, String raw) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Reply post(String path, String user, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + signIn.token(user))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String user) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + signIn.token(user)).GET().build());
    }

    private Reply send(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if ((r.statusCode() == 503 || r.statusCode() == 504 || r.statusCode() == 429) && attempt < 5) {
                    Thread.sleep(500L * attempt);
                    continue;
                }
                JsonNode body = null;
                try {
                    body = r.body().isBlank() ? null : JSON.readTree(r.body());
                } catch (IOException notJson) {
                    // keep raw
                }
                return new Reply(r.statusCode(), body, r.body());
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw new IllegalStateException("cannot reach " + request.uri() + ": " + e, e);
                }
                sleep(500L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
