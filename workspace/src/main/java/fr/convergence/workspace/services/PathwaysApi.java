package fr.convergence.workspace.services;

import fr.convergence.workspace.security.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * pathway-service: lists, single pathways and commands. Pathway views are pseudonymous (no names), so reading each
 * one is not a read of personal data; the list's summaries lack hours and dates, hence one read per pathway, made a
 * few at a time.
 */
@Component
public class PathwaysApi {

    private static final int PAGE = 200;
    private final ServiceCalls calls;
    /** A few concurrent reads per page: enough to hide latency, few enough not to crowd a 2-core service. */
    private final ExecutorService readers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "pathway-reads");
        t.setDaemon(true);
        return t;
    });

    PathwaysApi(@Value("${convergence.workspace.pathway-url}") String url, JsonMapper json) {
        this.calls = new ServiceCalls(url, json);
    }

    /** Every pathway summary of an ACI, all statuses. */
    public List<JsonNode> ofAci(StaffMember who, String aciId) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = calls.get(who, "/api/pathways?aciId=" + ParticipantsApi.encode(aciId) + "&page=" + page
                    + "&size=" + PAGE, Map.of());
            answer.path("items").forEach(all::add);
            if (answer.path("items").size() < PAGE || all.size() >= answer.path("total").asLong()) {
                return all;
            }
        }
    }

    public JsonNode read(StaffMember who, String pathwayId) {
        return calls.get(who, "/api/pathways/" + ParticipantsApi.encode(pathwayId), Map.of());
    }

    /** Full views of the given pathways, read a few at a time; the security context does not cross threads, the token does. */
    public List<JsonNode> readAll(StaffMember who, List<String> pathwayIds) {
        List<Future<JsonNode>> futures = pathwayIds.stream().map(id -> readers.submit(() -> read(who, id))).toList();
        List<JsonNode> views = new ArrayList<>();
        for (Future<JsonNode> f : futures) {
            try {
                views.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return views;
    }

    /** The pathway's events, newest first, with who recorded each (its ACI staff and coordinator may read them). */
    public JsonNode events(StaffMember who, String pathwayId) {
        return calls.get(who, "/api/pathways/" + ParticipantsApi.encode(pathwayId) + "/events", Map.of());
    }

    public JsonNode open(StaffMember who, Map<String, Object> body, String idempotencyKey) {
        return calls.post(who, "/api/pathways", body, Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /** A command on one pathway: {@code path} is relative to the pathway, e.g. {@code weekly-hours}. */
    public JsonNode command(StaffMember who, String pathwayId, String path, Map<String, Object> body, String idempotencyKey) {
        return calls.post(who, "/api/pathways/" + ParticipantsApi.encode(pathwayId) + "/" + path, body,
                Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }
}
