package fr.convergence.gateway;

import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as deployed behind a TLS-terminating ingress (Kubernetes, compose): the session cookie is Secure and
 * answers to https callers carry Strict-Transport-Security.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "SECURE_COOKIES=true", "FORWARD_HEADERS_STRATEGY=framework"})
class GatewayBehindTlsTest {

    static final TestIssuer issuer = TestIssuer.get();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("convergence.security.issuer", issuer::issuer);
        registry.add("convergence.security.jwk-set-uri", issuer::jwkSetUri);
        registry.add("OIDC_ISSUER", issuer::issuer);
    }

    @LocalServerPort
    int port;

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("X-Forwarded-Proto", "https").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSessionCookieIsSecure() throws Exception {
        String cookie = get("/oauth2/authorization/convergence").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").containsIgnoringCase("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void httpsCallersAreToldToStayOnHttps() throws Exception {
        assertThat(get("/actuator/health").headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age="));
    }
}
