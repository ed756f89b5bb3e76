package fr.convergence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.deploy.auth.SignIn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small blocking HTTP/1.1 client (keep-alive connections shared by every thread of the harness). */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final SignIn signIn;

    Http(SignIn signIn) {
        this.signIn = signIn;
    }

    /**
     * Each route is called as the demo user whose role may call it, signed in at the identity provider (the token
     * is cached, so sign-in is not measured): ACI staff record pathways, the national team reads figures, the
     * auditor replays histories, the administrator rebuilds projections.
     */
    static String userFor(String url) {
        if (url.contains("/api/reporting/rebuilds")) {
            return "admin";
        }
        if (url.contains("/api/reporting")) {
            return "analyst";
        }
        if (url.contains("/api/audit")) {
            return "auditor";
        }
        return "cip-aci-paris-1";
    }

    private String bearer(String url) {
        return "Bearer " + signIn.token(userFor(url));
    }

    record Response(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", bearer(url)).GET().build());
    }

    Response post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", bearer(url))
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build());
    }

    Response postOk(String url, String json) {
        Response r = post(url, json);
        if (!r.ok()) {
            throw new IllegalStateException("POST " + url + " -> " + r.status + " " + r.body);
        }
        return r;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "interrupted");
        }
    }
}
