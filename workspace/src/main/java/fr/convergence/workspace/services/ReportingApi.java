package fr.convergence.workspace.services;

import fr.convergence.workspace.security.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/** reporting-service's operations for administrators: projection rebuilds (no personal data there at all). */
@Component
public class ReportingApi {

    private final ServiceCalls calls;

    ReportingApi(@Value("${convergence.workspace.reporting-url}") String url, JsonMapper json) {
        this.calls = new ServiceCalls(url, json);
    }

    /** Starts a rebuild into the next generation (409 {@code rebuild-running} while one runs). */
    public JsonNode startRebuild(StaffMember who, String idempotencyKey) {
        return calls.post(who, "/api/reporting/rebuilds", Map.of(), Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /**
     * {@code {generation, state, done, total, ratePerSecond, secondsLeft, startedAt, finishedAt, error}} of the
     * running or last rebuild; 404 when none ran since the service started.
     */
    public JsonNode currentRebuild(StaffMember who) {
        return calls.get(who, "/api/reporting/rebuilds/current", Map.of());
    }
}
