package fr.convergence.workspace.caseload;

import fr.convergence.workspace.person.Persons;
import fr.convergence.workspace.rules.Alert;
import fr.convergence.workspace.rules.Alerts;
import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PartnershipsApi;
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
 * for the ACI, whose lines carry hours and dates. Joined here by pseudonymous id.
 */
@Component
public class Caseload {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Caseload.class);
    private final ParticipantsApi participants;
    private final PathwaysApi pathways;
    private final PartnershipsApi partnerships;
    private final Alerts alerts;

    Caseload(ParticipantsApi participants, PathwaysApi pathways, PartnershipsApi partnerships, Alerts alerts) {
        this.participants = participants;
        this.pathways = pathways;
        this.partnerships = partnerships;
        this.alerts = alerts;
    }

    public List<CaseloadRow> of(StaffMember cip, LocalDate today) {
        List<JsonNode> people = participants.ofAci(cip, cip.aciId());
        Map<String, JsonNode> current = new HashMap<>();
        for (JsonNode p : pathways.ofAci(cip, cip.aciId())) {
            current.merge(p.path("participantId").asString(), p, Caseload::moreCurrent);
        }
        // The list carries hours and dates; a stream not written since pathway-service began indexing them lacks
        // them, and only those are read one by one.
        // The same for an exited person's expected follow-up contacts, when the list's line does not carry them.
        List<String> incomplete = people.stream().map(p -> current.get(p.path("participantId").asString()))
                .filter(java.util.Objects::nonNull)
                .filter(p -> missing(p, "weeklyHours") || afterExit(p) && missing(p, "followUpDue"))
                .map(p -> p.path("pathwayId").asString()).toList();
        for (JsonNode view : pathways.readAll(cip, incomplete)) {
            current.put(view.path("participantId").asString(), view);
        }
        Map<String, LocalDate> needWaitingSince = waitingNeeds(cip);
        List<CaseloadRow> rows = new ArrayList<>();
        for (JsonNode p : people) {
            if (p.path("erased").asBoolean(false)) {
                continue; // an erased person is no longer followed; the coordinator's pages will list them
            }
            String id = p.path("participantId").asString();
            String name = Persons.displayName(p);
            String sortName = p.path("lastName").asString("") + " " + p.path("firstName").asString("");
            JsonNode v = current.get(id);
            if (v == null) {
                rows.add(new CaseloadRow(id, name, sortName, null, null, null, p.path("referentId").asString(null),
                        "NOT_HIRED", null, List.of()));
                continue;
            }
            LocalDate startedOn = date(v, "startedOn");
            LocalDate plannedEnd = date(v, "plannedEnd");
            LocalDate exitedOn = date(v, "exitedOn");
            String status = v.path("status").asString();
            String programme = v.path("programme").asString();
            List<Alert> rowAlerts = new ArrayList<>(alerts.of(status, programme, startedOn, plannedEnd,
                    date(v, "hoursSetOn"), exitedOn, date(v, "followUpEndedOn"), today));
            if (afterExit(v)) {
                List<LocalDate> due = new ArrayList<>();
                v.path("followUpDue").forEach(d -> {
                    LocalDate on = date(d, "dueOn");
                    if (on != null) {
                        due.add(on);
                    }
                });
                alerts.followUpContact(due, today).ifPresent(rowAlerts::add);
            }
            if (needWaitingSince.containsKey(id)) {
                rowAlerts.add(alerts.needWithoutReferral(needWaitingSince.get(id)));
            }
            rows.add(new CaseloadRow(id, name, sortName, programme, v.path("weeklyHours").asDouble(),
                    monthsInPathway(startedOn, exitedOn, today), p.path("referentId").asString(null), status,
                    plannedEnd, rowAlerts));
        }
        return rows;
    }

    /**
     * The oldest need of each person of the ACI still waiting for a referral after 30 days (one call for the ACI).
     * Without partnership-service the caseload still shows, without this alert: the other alerts do not depend on it.
     */
    private Map<String, LocalDate> waitingNeeds(StaffMember cip) {
        Map<String, LocalDate> since = new HashMap<>();
        try {
            for (JsonNode n : partnerships.waitingNeeds(cip, cip.aciId(), Alerts.NEED_REFERRAL_DAYS)) {
                since.merge(n.path("participantId").asString(), LocalDate.parse(n.path("openedOn").asString()),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        } catch (fr.convergence.workspace.services.ServiceProblem | org.springframework.web.client.ResourceAccessException unavailable) {
            LOG.warn("needs waiting for a referral not available: {}", unavailable.toString());
        }
        return since;
    }

    /** Whole months from the hiring to the exit or today, as pathway-service counts them (PathwayState). */
    static Integer monthsInPathway(LocalDate startedOn, LocalDate exitedOn, LocalDate today) {
        if (startedOn == null) {
            return null;
        }
        LocalDate end = exitedOn != null && exitedOn.isBefore(today) ? exitedOn : today;
        return (int) java.time.temporal.ChronoUnit.MONTHS.between(startedOn, end);
    }

    /** Exited or in follow-up: the person still has follow-up contacts to make. */
    private static boolean afterExit(JsonNode pathway) {
        String status = pathway.path("status").asString("");
        return "EXITED".equals(status) || "FOLLOW_UP".equals(status);
    }

    private static boolean missing(JsonNode node, String field) {
        return node.path(field).isMissingNode() || node.path(field).isNull();
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
