package fr.convergence.workspace.services;

import fr.convergence.workspace.security.StaffMember;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
}
