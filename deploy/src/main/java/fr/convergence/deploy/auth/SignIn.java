package fr.convergence.deploy.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a person in from a script, the way a browser would: the OAuth 2.1 authorization-code flow with PKCE
 * against the identity provider's own login form, as the public client {@code convergence-cli}. The demo loader,
 * the platform tests and the benchmarks act as real users this way; nothing bypasses the provider.
 *
 * <p>Tokens are cached per user and renewed two minutes before they expire.
 */
public final class SignIn {

    public static final String CLIENT_ID = "convergence-cli";
    public static final String REDIRECT_URI = "http://127.0.0.1/cli-callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuer;
    private final String password;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> signingIn = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAfter) {
    }

    /**
     * @param issuer   the provider's base URL, e.g. {@code http://localhost:9000}
     * @param password the users' password (every demo user shares the demo one)
     */
    public SignIn(String issuer, String password) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.password = password;
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

    private Token signIn(String username) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = base64(randomBytes(32));
        String state = base64(randomBytes(12));
        String authorize = issuer + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", CLIENT_ID,
                "scope", "openid", "redirect_uri", REDIRECT_URI, "state", state,
                "code_challenge", base64(sha256(verifier)), "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = send(browser, get(authorize));
        String loginUrl = location(toLogin, "the authorization endpoint did not send to the login page");
        HttpResponse<String> loginPage = send(browser, get(loginUrl));
        Matcher csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page " + loginUrl + " (" + loginPage.statusCode() + ")");
        }
        HttpResponse<String> loggedIn = send(browser, HttpRequest.newBuilder(URI.create(loginUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf.group(1))))).build());
        String back = location(loggedIn, "sign-in refused for " + username);
        if (back.contains("error")) {
            throw new IllegalStateException("sign-in refused for " + username + " (wrong user or password)");
        }
        HttpResponse<String> withCode = send(browser, get(resolve(back)));
        String callback = location(withCode, "no authorization code for " + username);
        Map<String, String> query = query(URI.create(callback).getRawQuery());
        if (!state.equals(query.get("state")) || query.get("code") == null) {
            throw new IllegalStateException("authorization refused for " + username + ": " + callback);
        }
        HttpResponse<String> tokenReply = send(browser, HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
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
            return new Token(body.get("access_token").asText(), Instant.now().plusSeconds(Math.max(10, seconds - 120)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build();
    }

    private String resolve(String url) {
        return url.startsWith("http") ? url : issuer + url;
    }

    private String location(HttpResponse<String> response, String failure) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException(failure + " (" + response.statusCode() + ")");
        }
        return resolve(response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(failure)));
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
