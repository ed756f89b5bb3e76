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
    }

    @Test
    void nationalAnalystHasNoTerritory() throws Exception {
        JsonNode claims = claims(new SignIn(ISSUER, "demo").token("analyst"));
        assertThat(claims.get("role").asText()).isEqualTo("national-analyst");
        assertThat(claims.has("territory")).isFalse();
        assertThat(claims.has("aci")).isFalse();
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
