package fr.convergence.workspace.reference;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.services.ParticipantsApi;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Territories and their ACI as participant-service keeps them (reference data: no personal data, every role reads
 * it). Read tolerantly: the dates an ACI joined and left the programme and its contact are optional, and a field
 * the service does not send yet is simply not shown.
 */
@Component
public class ReferenceData {

    /** An ACI; {@code joinedOn}, {@code leftOn}, {@code contactEmail}, {@code contactPhone} may be null. */
    public record Aci(String id, String territory, String name, String siret, List<String> programmes,
                      boolean localCoordination, String joinedOn, String leftOn, String contactEmail,
                      String contactPhone) {

        public boolean hasContact() {
            return contactEmail != null || contactPhone != null;
        }
    }

    public record Territory(String code, String name, List<Aci> acis) {
    }

    private final ParticipantsApi participants;

    ReferenceData(ParticipantsApi participants) {
        this.participants = participants;
    }

    public List<Territory> all(StaffMember who) {
        List<Territory> all = new ArrayList<>();
        participants.territories(who).forEach(t -> all.add(territory(t)));
        return all;
    }

    public Territory territory(StaffMember who, String code) {
        return territory(participants.territory(who, code));
    }

    /** The territory's ACI by id, in the service's order. */
    public Map<String, Aci> acisOf(StaffMember who, String code) {
        Map<String, Aci> byId = new LinkedHashMap<>();
        territory(who, code).acis().forEach(a -> byId.put(a.id(), a));
        return byId;
    }

    private static Territory territory(JsonNode t) {
        String code = t.path("code").asString("");
        List<Aci> acis = new ArrayList<>();
        for (JsonNode a : t.path("acis")) {
            List<String> programmes = new ArrayList<>();
            a.path("programmes").forEach(p -> programmes.add(p.asString()));
            acis.add(new Aci(a.path("id").asString(""), code, a.path("name").asString(""), a.path("siret").asString(""),
                    programmes, a.path("localCoordination").asBoolean(false), text(a, "joinedOn"), text(a, "leftOn"),
                    text(a, "contactEmail"), text(a, "contactPhone")));
        }
        return new Territory(code, t.path("name").asString(code), acis);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asString("").isBlank() ? null : v.asString();
    }
}
