package fr.convergence.workspace.services;

import fr.convergence.workspace.security.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** partnership-service: one person's needs (opened by barriers) and referrals to partners, read by their ACI staff. */
@Component
public class PartnershipsApi {

    private final ServiceCalls calls;

    PartnershipsApi(@Value("${convergence.workspace.partnership-url}") String url, JsonMapper json) {
        this.calls = new ServiceCalls(url, json);
    }

    /** {@code {participantId, needs: [{barrierDomain, partnerDomain, status, openedOn, closedOn, …}]}} */
    public JsonNode needs(StaffMember who, String participantId) {
        return calls.get(who, "/api/partnerships/participants/" + ParticipantsApi.encode(participantId) + "/needs", Map.of());
    }

    /** {@code {participantId, members: [{memberId, role, name, organisation, startsOn, endsOn}]}} */
    public JsonNode followUpGroup(StaffMember who, String participantId) {
        return calls.get(who, "/api/partnerships/participants/" + ParticipantsApi.encode(participantId)
                + "/follow-up-group", Map.of());
    }

    /** Newest first: {@code [{referralId, domain, status, outcome, proposedOn, updatedOn}]} */
    public JsonNode referrals(StaffMember who, String participantId) {
        return calls.get(who, "/api/partnerships/participants/" + ParticipantsApi.encode(participantId) + "/referrals", Map.of());
    }

    private static String p(String id) {
        return ParticipantsApi.encode(id);
    }

    /** The territory's open needs, oldest first, for one partner domain or all: every page of the service's queue. */
    public List<JsonNode> openNeeds(StaffMember who, String domain) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = calls.get(who, "/api/partnerships/needs?size=200&page=" + page
                    + (domain == null ? "" : "&domain=" + p(domain)), Map.of());
            answer.path("items").forEach(all::add);
            if (answer.path("items").size() < 200 || all.size() >= answer.path("total").asLong()) {
                return all;
            }
        }
    }

    /**
     * The needs of an ACI's people open for {@code minDaysOpen} days or more with no referral since they opened:
     * {@code [{participantId, barrierDomain, partnerDomain, openedOn, daysOpen}]}, one call for the whole ACI.
     */
    public List<JsonNode> waitingNeeds(StaffMember who, String aciId, int minDaysOpen) {
        List<JsonNode> all = new ArrayList<>();
        calls.get(who, "/api/partnerships/needs/waiting?aciId=" + p(aciId) + "&minDaysOpen=" + minDaysOpen, Map.of())
                .forEach(all::add);
        return all;
    }

    /** Who read a person's partnership history (the service's own trail): {@code {items: [{at, by, purpose}], total}}. */
    public JsonNode historyReads(StaffMember who, String participantId) {
        return calls.get(who, "/api/partnerships/participants/" + p(participantId) + "/history/reads?size=200", Map.of());
    }

    /** Open needs counted by partner domain and age band: {@code {HOUSING: {"0-7": 1, "8-30": 0, …}, …}}. */
    public JsonNode needsSummary(StaffMember who) {
        return calls.get(who, "/api/partnerships/needs/summary", Map.of());
    }

    /** The network's partners, by name, optionally those working in one domain: {@code [{partnerId, name, domains, inAgreement}]}. */
    public List<JsonNode> partners(StaffMember who, String domain) {
        List<JsonNode> all = new ArrayList<>();
        calls.get(who, "/api/partnerships/partners?size=200" + (domain == null ? "" : "&domain=" + p(domain)), Map.of())
                .path("items").forEach(all::add);
        return all;
    }

    /** One partner with contacts and agreements. */
    public JsonNode partner(StaffMember who, String partnerId) {
        return calls.get(who, "/api/partnerships/partners/" + p(partnerId), Map.of());
    }

    /** The territory's chargés de partenariat (coordinator only). */
    public JsonNode officers(StaffMember who) {
        return calls.get(who, "/api/partnerships/officers", Map.of());
    }

    /** Registers a partner of the caller's territory: {@code {name, domains, contacts}} (coordinator). */
    public JsonNode registerPartner(StaffMember who, Map<String, Object> body, String idempotencyKey) {
        return calls.post(who, "/api/partnerships/partners", body, Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /** An agreement with a partner: {@code {startsOn, endsOn, scope}}. */
    public JsonNode signAgreement(StaffMember who, String partnerId, Map<String, Object> body, String idempotencyKey) {
        return calls.post(who, "/api/partnerships/partners/" + p(partnerId) + "/agreements", body,
                Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    public JsonNode referral(StaffMember who, String referralId) {
        return calls.get(who, "/api/partnerships/referrals/" + p(referralId), Map.of());
    }

    public JsonNode propose(StaffMember who, Map<String, Object> body, String idempotencyKey) {
        return calls.post(who, "/api/partnerships/referrals", body, Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /** A step of a referral's lifecycle: {@code accept}, {@code decline}, {@code complete} or {@code cancel}. */
    public JsonNode step(StaffMember who, String referralId, String step, Map<String, Object> body, String idempotencyKey) {
        return calls.post(who, "/api/partnerships/referrals/" + p(referralId) + "/" + step, body,
                Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /** The outcome codes a completed referral may carry (partnership-service's reference data). */
    public List<String> outcomes(StaffMember who) {
        List<String> all = new ArrayList<>();
        calls.get(who, "/api/partnerships/referral-outcomes", Map.of()).forEach(o -> all.add(o.asString()));
        return all;
    }

    /**
     * The reason codes a step ({@code decline} or {@code cancel}) may carry, code → French label, from
     * partnership-service's table: a reason is a code, never text, since it is published (issue 21 finding 8).
     */
    public Map<String, String> reasons(StaffMember who, String step) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        calls.get(who, "/api/partnerships/referral-reasons", Map.of()).path(step)
                .forEach(r -> all.put(r.path("code").asString(), r.path("label").asString()));
        return all;
    }

    public JsonNode joinGroup(StaffMember who, String participantId, Map<String, Object> body, String idempotencyKey) {
        return calls.post(who, "/api/partnerships/participants/" + p(participantId) + "/follow-up-group/members", body,
                Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    public JsonNode leaveGroup(StaffMember who, String participantId, String memberId, Map<String, Object> body,
                               String idempotencyKey) {
        return calls.post(who, "/api/partnerships/participants/" + p(participantId) + "/follow-up-group/members/"
                + p(memberId) + "/end", body, Map.of(ServiceCalls.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /** What this service published about the person, for an auditor (the read is recorded with the purpose). */
    public JsonNode history(StaffMember who, String participantId) {
        return calls.get(who, "/api/partnerships/participants/" + p(participantId) + "/history",
                Map.of(ServiceCalls.PURPOSE, ParticipantsApi.AUDIT));
    }
}
