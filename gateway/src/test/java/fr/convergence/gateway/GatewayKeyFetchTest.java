package fr.convergence.gateway;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Made-up key ids cannot make the gateway fetch the provider's keys over and over (issue 21 finding 10): at most
 * one fetch per interval (30 s by default), and tokens naming a key id the gateway does not hold are refused in
 * between without a fetch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayKeyFetchTest {

    static CountingKeyServer provider;
    static RSAKey published;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) throws IOException {
        provider = new CountingKeyServer();
        published = provider.publishNewKey("published-" + UUID.randomUUID());
        registry.add("convergence.security.issuer", () -> provider.issuer);
        registry.add("convergence.security.jwk-set-uri", provider::jwkSetUri);
        registry.add("OIDC_ISSUER", () -> provider.issuer);
        registry.add("PATHWAY_URL", () -> "http://127.0.0.1:9");   // never reached: every call here is refused
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoHundredTokensWithMadeUpKeyIdsCauseAtMostOneFetchAndAreAllRefused() throws Exception {
        RSAKey attacker = CountingKeyServer.newKey("attacker");
        int before = provider.fetches();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int batch = 0; batch < 4; batch++) {   // 50 at a time: concurrent and sequential unknown key ids alike
            CompletableFuture<?>[] calls = new CompletableFuture<?>[50];
            for (int i = 0; i < calls.length; i++) {
                String token = provider.token(attacker, "made-up-" + UUID.randomUUID(), "cip");
                calls[i] = http.sendAsync(request(token), HttpResponse.BodyHandlers.discarding())
                        .thenAccept(r -> { synchronized (statuses) { statuses.merge(r.statusCode(), 1, Integer::sum); } });
            }
            CompletableFuture.allOf(calls).get();
        }

        assertThat(statuses).as("status -> calls").containsExactly(Map.entry(401, 200));
        assertThat(provider.fetches() - before).as("key-set fetches for 200 unknown key ids").isLessThanOrEqualTo(1);
    }

    @Test
    void aTokenSignedWithAPublishedKeyIsStillAcceptedAfterAFlood() throws Exception {
        RSAKey attacker = CountingKeyServer.newKey("attacker");
        for (int i = 0; i < 20; i++) {
            http.send(request(provider.token(attacker, "made-up-" + UUID.randomUUID(), "cip")),
                    HttpResponse.BodyHandlers.discarding());
        }
        String good = provider.token(published, published.getKeyID(), "cip");
        HttpResponse<String> r = http.send(request(good), HttpResponse.BodyHandlers.ofString());
        // past the token check: the (absent) pathway service answers 503, never 401
        assertThat(r.statusCode()).as(r.body()).isNotEqualTo(401);
    }

    private HttpRequest request(String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/pathways/p-1"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
    }
}
