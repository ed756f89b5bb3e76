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

    /** An answer; {@code replayed} when the service answered a write it had already done (same idempotency key). */
    record Reply(int status, JsonNode body, String raw, boolean replayed) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Attempts per call before a transient failure is reported; back-off doubles from 250 ms up to 8 s. */
    static final int ATTEMPTS = 8;

    /**
     * A write sent with an {@code Idempotency-Key}: the services answer a repeated key with their first answer, so
     * the call is retried after any transient failure (the first attempt may have been applied, its answer lost)
     * and a load started again replays what it had done instead of doing it twice.
     */
    Reply post(String path, String user, Object body, String idempotencyKey) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(() -> HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + signIn.token(user))
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply get(String path, String user) {
        return send(() -> HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + signIn.token(user)).GET().build());
    }

    /** Sends, retrying what is transient: no connection, reset, 5xx, 429, and a same-key request still running. */
    private Reply send(java.util.function.Supplier<HttpRequest> request) {
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                HttpRequest built = request.get();   // a fresh token if the previous one expired meanwhile
                HttpResponse<String> r = http.send(built, HttpResponse.BodyHandlers.ofString());
                JsonNode body = null;
                try {
                    body = r.body().isBlank() ? null : JSON.readTree(r.body());
                } catch (IOException notJson) {
                    // keep raw
                }
                Reply reply = new Reply(r.statusCode(), body, r.body(),
                        r.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false));
                if (!isTransient(reply) || attempt >= ATTEMPTS) {
                    return reply;
                }
                failure = null;
            } catch (IOException | IllegalStateException e) {   // IllegalStateException: the sign-in failed
                failure = e.toString();
                if (failure.contains("wrong user or password")) {
                    throw e instanceof IllegalStateException ise ? ise : new IllegalStateException(e);
                }
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException("cannot reach the platform after " + attempt + " attempts: " + failure, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Math.min(8_000L, 250L << (attempt - 1)) + java.util.concurrent.ThreadLocalRandom.current().nextLong(200));
        }
    }

    private static boolean isTransient(Reply reply) {
        return reply.status() >= 500 || reply.status() == 429 || (reply.status() == 409 && reply.body() != null
                && "idempotency-key-in-progress".equals(reply.body().path("rule").asText()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
