package fr.convergence.pathway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.convergence.kit.security.Caller;
import fr.convergence.kit.security.CallerTokens;
import fr.convergence.kit.web.Correlation;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Another service's part of the history, read from its {@code GET <base>/participants/{id}/history} endpoint.
 * The auditor's own bearer token and the purpose "audit" travel along: the other service authorises the auditor
 * itself (role, territory) and records the read under the token's subject, so no identity is merely asserted.
 */
class RemoteHistorySource implements HistorySource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String service;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    RemoteHistorySource(String service, String baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public List<HistoryEntry> historyOf(String participantId, Caller auditor) {
        try {
            return historyOfAsync(participantId, auditor).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof SourceUnavailable unavailable ? unavailable
                    : new SourceUnavailable(service, String.valueOf(e.getCause()));
        }
    }

    /** Sent at once (the token and correlation id taken on this, the request's, thread); answered later. */
    @Override
    public CompletableFuture<List<HistoryEntry>> historyOfAsync(String participantId, Caller auditor) {
        // the territory needs no parameter: the forwarded token carries it, and the other service applies it
        String bearer = CallerTokens.currentBearer().orElse(null);
        if (bearer == null) {
            return CompletableFuture.failedFuture(new SourceUnavailable(service, "no caller token to forward"));
        }
        URI uri = URI.create(baseUrl + "/participants/" + URLEncoder.encode(participantId, StandardCharsets.UTF_8) + "/history");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + bearer).header("X-Purpose", "audit")
                .header(Correlation.HEADER, Correlation.current()).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                throw new SourceUnavailable(service, String.valueOf(cause.getMessage()));
            }
            return entries(participantId, response);
        });
    }

    @SuppressWarnings("unchecked")
    private List<HistoryEntry> entries(String participantId, HttpResponse<String> response) {
        if (response.statusCode() == 404 || response.statusCode() == 400) {
            return List.of(); // unknown there, or not an id that service issues: it holds nothing about it
        }
        if (response.statusCode() != 200) {
            throw new SourceUnavailable(service, "HTTP " + response.statusCode());
        }
        try {
            JsonNode items = JSON.readTree(response.body()).path("items");
            List<HistoryEntry> entries = new ArrayList<>();
            for (JsonNode item : items) {
                Map<String, Object> data = item.has("data") ? JSON.convertValue(item.get("data"), LinkedHashMap.class) : Map.of();
                entries.add(new HistoryEntry(service, item.path("stream").asText(participantId),
                        item.path("sequence").asLong(), item.path("eventId").asText(), item.path("type").asText(),
                        item.path("occurredOn").asText(), item.path("recordedAt").asText(),
                        item.path("recordedBy").asText(), item.path("correlationId").asText(), data, null));
            }
            return entries;
        } catch (IOException e) {
            throw new SourceUnavailable(service, e.getMessage());
        }
    }
}
