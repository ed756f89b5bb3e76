package fr.convergence.workspace.services;

import fr.convergence.workspace.security.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.Map;

/**
 * The auditor's routes of pathway-service ({@code /api/audit/**}): one person's history across services, their
 * state on a past day, the hash-chain verification and who read the file. pathway-service records each of these
 * reads under the auditor's id, so the workspace makes exactly one call per thing shown.
 */
@Component
public class AuditApi {

    private final ServiceCalls calls;

    AuditApi(@Value("${convergence.workspace.audit-url}") String url, JsonMapper json) {
        this.calls = new ServiceCalls(url, json);
    }

    private static String p(String id) {
        return ParticipantsApi.encode(id);
    }

    /** {@code {items:[{service, stream, sequence, type, occurredOn, recordedAt, recordedBy, data}], total, chains}} */
    public JsonNode history(StaffMember who, String participantId) {
        return calls.get(who, "/api/audit/participants/" + p(participantId) + "/history?size=1000", Map.of());
    }

    /** {@code {asOf, pathways:[pathway view as it stood at the end of that day]}} */
    public JsonNode stateAsOf(StaffMember who, String participantId, LocalDate asOf) {
        return calls.get(who, "/api/audit/participants/" + p(participantId) + "/state?asOf=" + asOf, Map.of());
    }

    /** {@code {intact, pathways:{pathwayId:{intact, headHash, firstBrokenSequence, reason}}}} */
    public JsonNode verification(StaffMember who, String participantId) {
        return calls.get(who, "/api/audit/participants/" + p(participantId) + "/verification", Map.of());
    }

    /** Who read this person's history in pathway-service: {@code [{at, auditor, what}]}. */
    public JsonNode reads(StaffMember who, String participantId) {
        return calls.get(who, "/api/audit/reads?participantId=" + p(participantId), Map.of());
    }
}
