package fr.convergence.workspace.caseload;

import fr.convergence.workspace.person.Persons;
import fr.convergence.workspace.rules.Alerts;
import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PathwaysApi;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people of the CIP's ACI with their current pathway. Names come from ONE batch search of participant-service
 * (each hit is recorded in its access log under the case-follow-up purpose); pathways from pathway-service's list
 * for the ACI, then each current pathway's full view (hours, dates). Joined here by pseudonymous id.
 */
@Component
public class Caseload {

    private final ParticipantsApi participants;
    private final PathwaysApi pathways;
    private final Alerts alerts;

    Caseload(ParticipantsApi participants, PathwaysApi pathways, Alerts alerts) {
        this.participants = participants;
        this.pathways = pathways;
        this.alerts = alerts;
    }

    public List<CaseloadRow> of(StaffMember cip, LocalDate today) {
        List<JsonNode> people = participants.ofAci(cip, cip.aciId());
        Map<String, JsonNode> current = new HashMap<>();
        for (JsonNode p : pathways.ofAci(cip, cip.aciId())) {
            current.merge(p.path("participantId").asString(), p, Caseload::moreCurrent);
        }
        List<String> ids = people.stream().map(p -> current.get(p.path("participantId").asString()))
                .filter(java.util.Objects::nonNull).map(p -> p.path("pathwayId").asString()).toList();
        Map<String, JsonNode> views = new HashMap<>();
        for (JsonNode view : pathways.readAll(cip, ids)) {
            views.put(view.path("participantId").asString(), view);
        }
        List<CaseloadRow> rows = new ArrayList<>();
        for (JsonNode p : people) {
            if (p.path("erased").asBoolean(false)) {
                continue; // an erased person is no longer followed; the coordinator's pages will list them
            }
            String id = p.path("participantId").asString();
            String name = Persons.displayName(p);
            String sortName = p.path("lastName").asString("") + " " + p.path("firstName").asString("");
            JsonNode v = views.get(id);
            if (v == null) {
                rows.add(new CaseloadRow(id, name, sortName, null, null, null, p.path("referentId").asString(null),
                        "NOT_HIRED", null, List.of()));
                continue;
            }
            LocalDate plannedEnd = date(v, "plannedEnd");
            rows.add(new CaseloadRow(id, name, sortName, v.path("programme").asString(), v.path("weeklyHours").asDouble(),
                    v.path("monthsInPathway").asInt(), p.path("referentId").asString(null), v.path("status").asString(),
                    plannedEnd, alerts.of(v.path("status").asString(), date(v, "startedOn"), plannedEnd,
                            date(v, "exitedOn"), date(v, "followUpEndedOn"), today)));
        }
        return rows;
    }

    /** The open pathway wins; otherwise the one started last. */
    private static JsonNode moreCurrent(JsonNode a, JsonNode b) {
        Comparator<JsonNode> c = Comparator.comparing((JsonNode p) -> "ACTIVE".equals(p.path("status").asString()))
                .thenComparing(p -> p.path("startedOn").asString(""));
        return c.compare(a, b) >= 0 ? a : b;
    }

    static LocalDate date(JsonNode node, String field) {
        String s = node.path(field).asString(null);
        return s == null || s.isBlank() || "null".equals(s) ? null : LocalDate.parse(s);
    }
}
