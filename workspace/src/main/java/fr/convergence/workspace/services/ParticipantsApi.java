package fr.convergence.workspace.services;

import fr.convergence.workspace.security.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * participant-service, read with a stated purpose (its access log records who read whom and why). The caseload is
 * one batch search per page of 200, never one read per person.
 */
@Component
public class ParticipantsApi {

    /** The purpose every read of the workspace's CIP pages states: following the people of one's caseload. */
    public static final String CASE_FOLLOW_UP = "case-follow-up";
    private static final int PAGE = 200;
    private final ServiceCalls calls;

    ParticipantsApi(@Value("${convergence.workspace.participant-url}") String url, JsonMapper json) {
        this.calls = new ServiceCalls(url, json);
    }

    /** The purpose of the monthly-hours grid's read: naming the people whose hours are entered. */
    public static final String MONTHLY_HOURS = "monthly-hours";

    /** Every person of an ACI (names included), in as few audited batch reads as the service's page size allows. */
    public List<JsonNode> ofAci(StaffMember who, String aciId) {
        return ofAci(who, aciId, CASE_FOLLOW_UP);
    }

    /** The same, read for another stated purpose. */
    public List<JsonNode> ofAci(StaffMember who, String aciId, String purpose) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("aciId", aciId);
            body.put("page", page);
            body.put("size", PAGE);
            JsonNode answer = calls.post(who, "/api/participants/search", body,
                    Map.of(ServiceCalls.PURPOSE, purpose));
            answer.path("items").forEach(all::add);
            if (answer.path("items").size() < PAGE || all.size() >= answer.path("total").asLong()) {
                return all;
            }
        }
    }

    /** The purpose of the look-up before a registration: is this person already followed here? */
    public static final String DUPLICATE_CHECK = "duplicate-check";

    /**
     * People of the ACI with exactly this first and last name (the service's blind index: case- and accent-blind,
     * exact). Each hit is recorded in the access log under the duplicate-check purpose.
     */
    public List<JsonNode> sameName(StaffMember who, String aciId, String firstName, String lastName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aciId", aciId);
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("page", 0);
        body.put("size", 20);
        List<JsonNode> hits = new ArrayList<>();
        calls.post(who, "/api/participants/search", body, Map.of(ServiceCalls.PURPOSE, DUPLICATE_CHECK))
                .path("items").forEach(hits::add);
        return hits;
    }

    public JsonNode read(StaffMember who, String participantId) {
        return calls.get(who, "/api/participants/{id}".replace("{id}", encode(participantId)),
                Map.of(ServiceCalls.PURPOSE, CASE_FOLLOW_UP));
    }

    public JsonNode register(StaffMember who, Map<String, Object> body, String idempotencyKey) {
        return calls.post(who, "/api/participants", body, Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /** Corrects contact details (GDPR Art. 16): as they should now read; a field left out is removed. */
    public JsonNode rectifyContact(StaffMember who, String participantId, Map<String, Object> body, String idempotencyKey) {
        return calls.put(who, "/api/participants/" + encode(participantId) + "/contact", body,
                Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /** The purpose a coordinator's reads state: running the territory (follow-up groups, moves, erasure). */
    public static final String COORDINATION = "territory-coordination";
    /** The purpose an auditor's reads state. */
    public static final String AUDIT = "audit";

    /**
     * People of a territory with this last name (and first name, when given): the service's blind index, exact,
     * case- and accent-blind. Each hit is recorded in the access log under {@code purpose}. A national auditor is
     * refused (403) by the service: they work from pseudonymous ids.
     */
    public List<JsonNode> byName(StaffMember who, String territory, String lastName, String firstName, String purpose) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("territory", territory);
        body.put("lastName", lastName);
        if (firstName != null && !firstName.isBlank()) {
            body.put("firstName", firstName);
        }
        body.put("page", 0);
        body.put("size", 50);
        List<JsonNode> hits = new ArrayList<>();
        calls.post(who, "/api/participants/search", body, Map.of(ServiceCalls.PURPOSE, purpose))
                .path("items").forEach(hits::add);
        return hits;
    }

    /** One person's record, read for a stated purpose (recorded in their access log). */
    public JsonNode read(StaffMember who, String participantId, String purpose) {
        return calls.get(who, "/api/participants/" + encode(participantId), Map.of(ServiceCalls.PURPOSE, purpose));
    }

    /** Moves a person to another ACI of the territory; the services downstream follow the move. */
    public JsonNode move(StaffMember who, String participantId, Map<String, Object> body, String idempotencyKey) {
        return calls.post(who, "/api/participants/" + encode(participantId) + "/move", body,
                Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /** Crypto-erasure: the person's key is destroyed, their personal data unreadable for ever. */
    public JsonNode erase(StaffMember who, String participantId, String idempotencyKey) {
        return calls.post(who, "/api/participants/" + encode(participantId) + "/erasure", Map.of(),
                Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /** Who read this person's personal data, when and why (auditors): {@code {total, items:[{at,who,role,purpose,action}]}}. */
    public JsonNode accessLog(StaffMember who, String participantId) {
        return calls.get(who, "/api/participants/access-log?participantId=" + encode(participantId) + "&size=200", Map.of());
    }

    /** Every territory with its ACI (reference data, no personal data; every role may read it). */
    public JsonNode territories(StaffMember who) {
        return calls.get(who, "/api/participants/territories", Map.of());
    }

    public JsonNode territory(StaffMember who, String code) {
        return calls.get(who, "/api/participants/territories/" + encode(code), Map.of());
    }

    /** A territory joining the programme: {@code {code, name}}. */
    public JsonNode addTerritory(StaffMember who, Map<String, Object> body, String idempotencyKey) {
        return calls.post(who, "/api/participants/territories", body, Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    public JsonNode renameTerritory(StaffMember who, String code, Map<String, Object> body, String idempotencyKey) {
        return calls.put(who, "/api/participants/territories/" + encode(code), body,
                Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    public JsonNode addAci(StaffMember who, String territory, Map<String, Object> body, String idempotencyKey) {
        return calls.post(who, "/api/participants/territories/" + encode(territory) + "/acis", body,
                Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    public JsonNode changeAci(StaffMember who, String territory, String aciId, Map<String, Object> body,
                              String idempotencyKey) {
        return calls.put(who, "/api/participants/territories/" + encode(territory) + "/acis/" + encode(aciId), body,
                Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8);
    }
}
