package fr.convergence.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.deploy.auth.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A demo user signs in through the real login form and gets a token carrying the platform's claims. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SignInTest {

    static final int PORT = freePort();
    static final String ISSUER = "http://127.0.0.1:" + PORT;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("spring.security.oauth2.authorizationserver.issuer", () -> ISSUER);
    }

    @Test
    void aciStaffGetsRoleTerritoryAndAciClaims() throws Exception {
        JsonNode claims = claims(new SignIn(ISSUER, "demo").token("cip-aci-paris-1"));
        assertThat(claims.get("iss").asText()).isEqualTo(ISSUER);
        assertThat(claims.get("sub").asText()).isEqualTo("cip-aci-paris-1");
        assertThat(claims.get("role").asText()).isEqualTo("cip");
        assertThat(claims.get("territory").asText()).isEqualTo("paris");
        assertThat(claims.get("aci").asText()).isEqualTo("aci-paris-1");
        // meant for the platform's APIs and marked as an access token (an ID token is neither)
        assertThat(claims.get("aud").toString()).contains("convergence-platform");
        assertThat(claims.get("token_use").asText()).isEqualTo("access");
    }

    @Test
    void fiftySimultaneousSignInsAllGetTheirToken() throws Exception {
        java.util.List<String> users = new java.util.ArrayList<>();
        for (String territory : java.util.List.of("paris", "lyon", "lille", "nantes", "strasbourg", "rouen", "charente", "marseille")) {
            for (int n = 1; n <= 3; n++) {   // every territory has at least three ACI
                users.add("cip-aci-" + territory + "-" + n);
            }
            users.add("coordinator-" + territory);
            users.add("cdp-" + territory);
            users.add("auditor-" + territory);
        }
        users.addAll(java.util.List.of("analyst", "auditor"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(users.size());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<String>> tokens = new java.util.ArrayList<>();
        for (String user : users) {
            tokens.add(pool.submit(() -> {
                start.await();
                return new SignIn(ISSUER, "demo").token(user);   // each its own client: no shared cache
            }));
        }
        start.countDown();
        java.util.List<String> failures = new java.util.ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            try {
                assertThat(claims(tokens.get(i).get()).get("sub").asText()).isEqualTo(users.get(i));
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(users.get(i) + ": " + e.getCause());
            }
        }
        pool.shutdown();

        assertThat(users).hasSize(50);
        assertThat(failures).isEmpty();
    }

    @Test
    void nationalAnalystHasNoTerritoryAndSaysItIsNational() throws Exception {
        JsonNode claims = claims(new SignIn(ISSUER, "demo").token("analyst"));
        assertThat(claims.get("role").asText()).isEqualTo("national-analyst");
        assertThat(claims.has("territory")).isFalse();
        assertThat(claims.has("aci")).isFalse();
        assertThat(claims.get("national").asBoolean()).isTrue();
        // a territorial person's token never claims to be national
        assertThat(claims(new SignIn(ISSUER, "demo").token("auditor-paris")).has("national")).isFalse();
    }

    @Test
    void theExternalEvaluatorIsANationalUserWithoutTerritory() throws Exception {
        JsonNode claims = claims(new SignIn(ISSUER, "demo").token("evaluator"));
        assertThat(claims.get("sub").asText()).isEqualTo("evaluator");
        assertThat(claims.get("role").asText()).isEqualTo("evaluator");
        assertThat(claims.get("name").asText()).isEqualTo("Évaluation externe");
        assertThat(claims.get("national").asBoolean()).isTrue();
        assertThat(claims.has("territory")).isFalse();
        assertThat(claims.has("aci")).isFalse();
    }

    @Test
    void aPortfolioListsItsTerritoriesAndNamesNoSingleOne() throws Exception {
        JsonNode claims = claims(new SignIn(ISSUER, "demo").token("projet-nord"));
        assertThat(claims.get("role").asText()).isEqualTo("national-analyst");
        assertThat(claims.get("territories").isArray()).isTrue();
        assertThat(texts(claims.get("territories")))
                .containsExactly("lille", "rouen", "paris");
        // no single territory to fall back on, and not national: a reader of territory alone sees nothing
        assertThat(claims.has("territory")).isFalse();
        assertThat(claims.has("national")).isFalse();
        assertThat(claims.has("aci")).isFalse();
    }

    @Test
    void aSingleTerritoryTokenNamesItsTerritoryInBothClaims() throws Exception {
        JsonNode claims = claims(new SignIn(ISSUER, "demo").token("coordinator-rouen"));
        assertThat(claims.get("territory").asText()).isEqualTo("rouen");
        assertThat(texts(claims.get("territories"))).containsExactly("rouen");
        assertThat(claims(new SignIn(ISSUER, "demo").token("analyst")).has("territories")).isFalse();
    }

    @Test
    void everyTerritoryHasACoordinatorAndAPartnershipOfficer() throws Exception {
        SignIn signIn = new SignIn(ISSUER, "demo");
        assertThat(claims(signIn.token("coordinator-marseille")).get("territory").asText()).isEqualTo("marseille");
        assertThat(claims(signIn.token("cdp-lyon")).get("role").asText()).isEqualTo("partnership-officer");
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> new SignIn(ISSUER, "not-the-password").token("coordinator-paris"))
                .hasMessageContaining("sign-in refused");
    }

    @Test
    void anUnknownUserGetsNoToken() {
        assertThatThrownBy(() -> new SignIn(ISSUER, "demo").token("nobody")).hasMessageContaining("sign-in refused");
    }

    @Test
    void publishesDiscoveryAndKeysWithoutSignIn() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> discovery = client.send(HttpRequest.newBuilder(
                URI.create(ISSUER + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode doc = new ObjectMapper().readTree(discovery.body());
        assertThat(doc.get("issuer").asText()).isEqualTo(ISSUER);
        HttpResponse<String> keys = client.send(HttpRequest.newBuilder(URI.create(doc.get("jwks_uri").asText())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(new ObjectMapper().readTree(keys.body()).get("keys")).hasSize(1);
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(ISSUER + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    private static java.util.List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode claims(String jwt) throws IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
