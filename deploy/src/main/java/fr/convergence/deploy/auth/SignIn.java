package fr.convergence.deploy.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Signs a person in from a script, the way a browser would: the OAuth 2.1 authorization-code flow with PKCE
 * against the identity provider's own login form, as the public client {@code convergence-cli}. The demo loader,
 * the platform tests and the benchmarks act as real users this way; nothing bypasses the provider.
 *
 * <p>Works with any provider whose login page is one HTML form (user name, password, hidden fields): the demo
 * provider (its paths by default) and Keycloak ({@link Endpoints#KEYCLOAK}, issuer {@code .../realms/convergence}).
 *
 * <p>Tokens are cached per user and renewed two minutes before they expire.
 */
public final class SignIn {

    public static final String CLIENT_ID = "convergence-cli";
    public static final String REDIRECT_URI = "http://127.0.0.1/cli-callback";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_REDIRECTS = 10;

    /** Where a provider's authorization and token endpoints are, relative to its issuer. */
    public record Endpoints(String authorizePath, String tokenPath) {
        /** The demo provider (Spring Authorization Server). */
        public static final Endpoints DEMO = new Endpoints("/oauth2/authorize", "/oauth2/token");
        /** A Keycloak realm, the issuer being {@code https://host/realms/<realm>}. */
        public static final Endpoints KEYCLOAK = new Endpoints("/protocol/openid-connect/auth", "/protocol/openid-connect/token");
    }

    private final String issuer;
    private final String password;
    private final Endpoints endpoints;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> signingIn = new ConcurrentHashMap<>();

    private record Token(String value, String idToken, Instant renewAfter) {
    }

    /**
     * At the demo provider.
     *
     * @param issuer   the provider's base URL, e.g. {@code http://localhost:9000}
     * @param password the users' password (every demo user shares the demo one)
     */
    public SignIn(String issuer, String password) {
        this(issuer, password, Endpoints.DEMO);
    }

    /** At any provider whose endpoints are {@code issuer + endpoints}. */
    public SignIn(String issuer, String password, Endpoints endpoints) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.password = password;
        this.endpoints = endpoints;
    }

    /** A valid access token of {@code username}, signing them in when none is cached or it is about to expire. */
    public String token(String username) {
        Token cached = tokens.get(username);
        if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
            return cached.value();
        }
        // One sign-in per user at a time: threads working as the same user share it instead of each signing in.
        synchronized (signingIn.computeIfAbsent(username, u -> new Object())) {
            cached = tokens.get(username);
            if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
                return cached.value();
            }
            Token fresh = signIn(username);
            tokens.put(username, fresh);
            return fresh.value();
        }
    }

    /**
     * The OpenID Connect ID token of {@code username}'s current sign-in: it names the same person and is signed
     * with the same key, but it is no grant to call the APIs, and every resource server must refuse it (the tests
     * present it to check that).
     */
    public String idToken(String username) {
        token(username);
        return tokens.get(username).idToken();
    }

    private Token signIn(String username) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = base64(randomBytes(32));
        String state = base64(randomBytes(12));
        String authorize = issuer + endpoints.authorizePath() + "?" + form(Map.of("response_type", "code",
                "client_id", CLIENT_ID, "scope", "openid", "redirect_uri", REDIRECT_URI, "state", state,
                "code_challenge", base64(sha256(verifier)), "code_challenge_method", "S256"));
        // the demo provider redirects to its login page, Keycloak shows its form at once
        HttpResponse<String> loginPage = follow(browser, send(browser, get(authorize)), "the login page");
        if (loginPage == null) {
            throw new IllegalStateException("the provider sent no login page for " + authorize);
        }
        LoginForm login = LoginForm.in(loginPage.uri(), loginPage.body()).orElseThrow(() -> new IllegalStateException(
                "no login form on " + loginPage.uri() + " (" + loginPage.statusCode() + ")"));
        Map<String, String> fields = new LinkedHashMap<>(login.hidden());
        fields.put("username", username);
        fields.put("password", password);
        HttpResponse<String> answer = send(browser, HttpRequest.newBuilder(login.action())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
        // a provider that accepts the password ends at the callback; one that refuses shows a page (its form again)
        String callback = callback(browser, answer);
        if (callback == null) {
            throw new IllegalStateException("sign-in refused for " + username + " (wrong user or password)");
        }
        Map<String, String> query = query(URI.create(callback).getRawQuery());
        if (!state.equals(query.get("state")) || query.get("code") == null) {
            throw new IllegalStateException("authorization refused for " + username + ": " + callback);
        }
        HttpResponse<String> tokenReply = send(browser, HttpRequest.newBuilder(URI.create(issuer + endpoints.tokenPath()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", query.get("code"), "redirect_uri", REDIRECT_URI, "client_id", CLIENT_ID,
                        "code_verifier", verifier)))).build());
        if (tokenReply.statusCode() != 200) {
            throw new IllegalStateException("token refused for " + username + ": " + tokenReply.body());
        }
        try {
            JsonNode body = JSON.readTree(tokenReply.body());
            long seconds = body.path("expires_in").asLong(300);
            return new Token(body.get("access_token").asText(), body.path("id_token").asText(null),
                    Instant.now().plusSeconds(Math.max(10, seconds - 120)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Follows redirects to the page they end on; null when they end at the client's callback instead. */
    private HttpResponse<String> follow(HttpClient browser, HttpResponse<String> response, String what) {
        for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
            if (response.statusCode() / 100 != 3) {
                return response;
            }
            String location = location(response);
            if (location.startsWith(REDIRECT_URI)) {
                return null;
            }
            response = send(browser, get(location));
        }
        throw new IllegalStateException("too many redirects on the way to " + what);
    }

    private String callback(HttpClient browser, HttpResponse<String> response) {
        for (int hop = 0; hop < MAX_REDIRECTS && response.statusCode() / 100 == 3; hop++) {
            String location = location(response);
            if (location.startsWith(REDIRECT_URI)) {
                return location;
            }
            response = send(browser, get(location));
        }
        return null;
    }

    private String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("a redirect without Location from " + response.uri()));
        return response.uri().resolve(location).toString();
    }

    private HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the identity provider at " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new ConcurrentHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return map;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
