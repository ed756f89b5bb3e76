package fr.convergence.gateway;

import com.sun.net.httpserver.HttpServer;
import fr.convergence.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Routes declared in YAML, correlation ids, and problem+json when a service is down or slow. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class GatewayRoutingTest {

    static final Map<String, String> seenCorrelation = new ConcurrentHashMap<>();
    static HttpServer pathwayService;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        pathwayService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pathwayService.createContext("/", exchange -> {
            seenCorrelation.put(exchange.getRequestURI().getPath(),
                    String.valueOf(exchange.getRequestHeaders().getFirst("X-Correlation-Id")));
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        pathwayService.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        pathwayService.start();
        registry.add("PATHWAY_URL", () -> "http://127.0.0.1:" + pathwayService.getAddress().getPort());
        registry.add("WORKSPACE_URL", () -> "http://127.0.0.1:" + pathwayService.getAddress().getPort());
        registry.add("PARTICIPANT_URL", () -> "http://127.0.0.1:" + closedPort());
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "1s");
        registry.add("convergence.security.issuer", () -> TestIssuer.get().issuer());
        registry.add("convergence.security.jwk-set-uri", () -> TestIssuer.get().jwkSetUri());
    }

    @AfterAll
    static void stop() {
        pathwayService.stop(0);
    }

    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path, String correlation) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestIssuer.get().token("coordinator", "paris", null));
        if (correlation != null) {
            b.header("X-Correlation-Id", correlation);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesPathwaysToThePathwayService() throws Exception {
        HttpResponse<String> r = get("/api/pathways/abc", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("/api/pathways/abc");
    }

    /** The staff workspace answers / (each role's home) and its pages under /espace. */
    @Test
    void routesTheRootAndTheWorkspacePagesToTheWorkspace() throws Exception {
        assertThat(get("/", null).body()).contains("\"path\":\"/\"");
        assertThat(get("/espace/salaries", null).body()).contains("/espace/salaries");
        assertThat(get("/espace/static/dsfr/dsfr.min.css", null).body()).contains("/espace/static/dsfr/dsfr.min.css");
    }

    @Test
    void propagatesTheCallersCorrelationId() throws Exception {
        HttpResponse<String> r = get("/api/pathways/with-id", "abc-123");
        assertThat(r.headers().firstValue("X-Correlation-Id")).hasValue("abc-123");
        assertThat(seenCorrelation.get("/api/pathways/with-id")).isEqualTo("abc-123");
    }

    @Test
    void generatesACorrelationIdWhenAbsentOrForged() throws Exception {
        HttpResponse<String> r = get("/api/pathways/forged", "bad id\" with quotes");
        String id = r.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(seenCorrelation.get("/api/pathways/forged")).isEqualTo(id);
    }

    @Test
    void answers503ProblemJsonWhenTheServiceIsDown() throws Exception {
        HttpResponse<String> r = get("/api/participants/p-1", null);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"rule\":\"service-unavailable\"");
    }

    /** The operator finds the failed hop under the caller's correlation id, as in the services' logs. */
    @Test
    void logsAFailedHopWithItsCorrelationId(CapturedOutput output) throws Exception {
        HttpResponse<String> r = get("/api/participants/p-2", "hop-failed-42");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(output.getAll()).containsPattern("\\[gateway,hop-failed-42\\] .*GET /api/participants/p-2 answered 503");
    }

    @Test
    void answers504ProblemJsonWhenTheServiceIsTooSlow() throws Exception {
        HttpResponse<String> r = get("/api/pathways/slow", null);
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).contains("\"status\":504");
    }

    @Test
    void answersAnUnknownRouteWith404ProblemJson() throws Exception {
        HttpResponse<String> r = get("/api/unknown", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    /** Health for anyone; the metrics for an administrator (or Prometheus's own credential: GatewaySecurityTest). */
    @Test
    void exposesHealthAndPrometheus() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).statusCode()).as("a coordinator's token").isEqualTo(403);
        HttpRequest asAdmin = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + TestIssuer.get().token("admin", null, null)).build();
        assertThat(http.send(asAdmin, HttpResponse.BodyHandlers.ofString()).body()).contains("jvm_memory");
    }
}
