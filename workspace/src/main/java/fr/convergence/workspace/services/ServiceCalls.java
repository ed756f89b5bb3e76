package fr.convergence.workspace.services;

import fr.convergence.workspace.security.StaffMember;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTTP calls to one service, always with the signed-in person's bearer token. Bodies go out and come back as JSON
 * text read with the application's Jackson mapper; a 4xx/5xx answer becomes a {@link ServiceProblem}.
 */
public final class ServiceCalls {

    public static final String PURPOSE = "X-Purpose";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RestClient client;
    private final JsonMapper json;

    public ServiceCalls(String baseUrl, JsonMapper json) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(Duration.ofSeconds(20));
        this.client = RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
        this.json = json;
    }

    public JsonNode get(StaffMember who, String uri, Map<String, String> headers) {
        return exchange(client.get().uri(uri), who, headers);
    }

    public JsonNode post(StaffMember who, String uri, Object body, Map<String, String> headers) {
        return exchange(client.post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(body)), who, headers);
    }

    public JsonNode put(StaffMember who, String uri, Object body, Map<String, String> headers) {
        return exchange(client.put().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(body)), who, headers);
    }

    private JsonNode exchange(RestClient.RequestHeadersSpec<?> spec, StaffMember who, Map<String, String> headers) {
        spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token()).accept(MediaType.APPLICATION_JSON,
                MediaType.APPLICATION_PROBLEM_JSON);
        headers.forEach(spec::header);
        return spec.exchange((request, response) -> {
            String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = response.getStatusCode().value();
            if (status >= 400) {
                throw problem(status, text);
            }
            return text.isBlank() ? json.createObjectNode() : json.readTree(text);
        });
    }

    private ServiceProblem problem(int status, String text) {
        JsonNode body;
        try {
            body = json.readTree(text);
        } catch (RuntimeException notJson) {
            return new ServiceProblem(status, "unavailable", null, "the service answered " + status, List.of());
        }
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        for (JsonNode e : body.path("errors")) {
            errors.add(new ServiceProblem.FieldError(e.path("field").asString(null), e.path("rule").asString(null),
                    e.path("message").asString(null)));
        }
        return new ServiceProblem(status, body.path("rule").asString("unknown"), body.path("field").asString(null),
                body.path("detail").asString(""), errors);
    }
}
