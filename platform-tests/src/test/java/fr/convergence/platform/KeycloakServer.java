package fr.convergence.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak, from its server distribution on Maven Central (unpacked into target/ by platform-tests' pom),
 * started in development mode on a free port with an in-memory database and the production realm of
 * {@code deploy/keycloak/convergence-realm.json} imported as it is. The realm holds no user: the test creates
 * the ones it needs through Keycloak's admin API, as an operator would.
 */
final class KeycloakServer implements AutoCloseable {

    static final Path HOME = Path.of(System.getProperty("keycloak.home",
            Platform.ROOT.resolve("platform-tests/target/keycloak/keycloak-26.7.3").toString()));
    static final Path REALM = Platform.ROOT.resolve("deploy/keycloak/convergence-realm.json");
    private static final String ADMIN = "kc-admin";
    private static final String ADMIN_PASSWORD = "kc-admin-" + java.util.UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port = Platform.freePort();
    private final Path log;
    private Process process;

    KeycloakServer(Path logs) {
        this.log = logs.resolve("keycloak.log");
    }

    /** The realm's issuer, as it writes it in {@code iss}. */
    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/convergence";
    }

    /**
     * What a service or the gateway needs to trust this provider and, for the gateway, to sign people in at it: the
     * same variables compose.yml and the Kubernetes manifests set.
     */
    Map<String, String> oidcEnvironment() {
        String endpoints = issuer() + "/protocol/openid-connect";
        return Map.of("OIDC_ISSUER", issuer(), "OIDC_JWK_SET_URI", endpoints + "/certs",
                "OIDC_AUTHORIZATION_URI", endpoints + "/auth", "OIDC_TOKEN_URI", endpoints + "/token");
    }

    /** Starts Keycloak without waiting for it (it takes 15-30 s; the caller starts other processes meanwhile). */
    void launch(String gatewayPublicUrl, String gatewayClientSecret) throws IOException {
        if (!Files.isRegularFile(HOME.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + HOME + ": build platform-tests with Maven "
                    + "(its pom unpacks org.keycloak:keycloak-quarkus-dist there)");
        }
        Path imports = Files.createDirectories(HOME.resolve("data/import"));
        Files.copy(REALM, imports.resolve(REALM.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder("bash", HOME.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm", "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname=http://127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));   // the build's JDK 17
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // the realm file's placeholders, resolved by Keycloak at import, as in compose and Kubernetes
        env.put("GATEWAY_PUBLIC_URL", gatewayPublicUrl);
        env.put("GATEWAY_CLIENT_SECRET", gatewayClientSecret);
        process = builder.start();
    }

    /** Waits until the realm answers its discovery document. */
    void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; see " + log);
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after 180 s; see " + log);
    }

    /** Creates a user of the realm with a password and the attributes the realm maps into access tokens. */
    void addUser(String username, String password, Map<String, List<String>> attributes) throws Exception {
        ObjectNode user = JSON.createObjectNode().put("username", username).put("enabled", true)
                .put("firstName", username).put("lastName", "Test").put("email", username + "@test.example")
                .put("emailVerified", true);
        ObjectNode attrs = user.putObject("attributes");
        attributes.forEach((name, values) -> values.forEach(attrs.withArray(name)::add));
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        admin("POST", "/users", user, 201);
    }

    /**
     * An access token of another application of the same realm: signed by the same keys, for the same person, with
     * the same claims, but not issued for the platform (no {@code convergence-platform} audience). The client is
     * created for the test, with the password grant the platform's own clients do not allow.
     */
    String foreignAccessToken(String username, String password) throws Exception {
        JsonNode cli = admin("GET", "/clients?clientId=convergence-cli", null, 200).get(0);
        ArrayNode mappers = JSON.createArrayNode();
        for (JsonNode mapper : cli.get("protocolMappers")) {
            if (!"oidc-audience-mapper".equals(mapper.get("protocolMapper").asText())) {
                mappers.add(((ObjectNode) mapper.deepCopy()).without("id"));
            }
        }
        ObjectNode foreign = JSON.createObjectNode().put("clientId", "another-application").put("publicClient", true)
                .put("directAccessGrantsEnabled", true).put("standardFlowEnabled", false);
        foreign.set("protocolMappers", mappers);
        admin("POST", "/clients", foreign, 201);
        JsonNode reply = post(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "another-application", "username", username, "password", password, "scope", "openid"));
        return reply.get("access_token").asText();
    }

    private JsonNode admin(String method, String path, JsonNode body, int expected) throws Exception {
        String token = post("http://127.0.0.1:" + port + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD))
                .get("access_token").asText();
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/admin/realms/convergence" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + reply.statusCode() + " " + reply.body());
        }
        return reply.body().isBlank() ? JSON.nullNode() : JSON.readTree(reply.body());
    }

    private static JsonNode post(String url, Map<String, String> form) throws Exception {
        StringBuilder encoded = new StringBuilder();
        form.forEach((k, v) -> encoded.append(encoded.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded.toString())).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("token refused at " + url + ": " + reply.statusCode() + " " + reply.body());
        }
        return JSON.readTree(reply.body());
    }

    /** Stops Keycloak and the JVM its launcher script started. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> jvms = process.descendants().toList();
        jvms.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            for (ProcessHandle jvm : jvms) {
                jvm.onExit().get(20, TimeUnit.SECONDS);
            }
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            jvms.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
