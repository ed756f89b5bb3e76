package fr.convergence.workspace.person;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.services.PartnershipsApi;
import fr.convergence.workspace.services.ServiceProblem;
import fr.convergence.workspace.web.Labels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's needs and referrals as their page shows them. partnership-service is another service: when it cannot
 * answer, the page still shows everything else and says this part is missing, rather than failing whole.
 */
@Component
public class Partnership {

    /** The alert: a need opened by a barrier and still without a referral after this many days. */
    static final int NEED_WITHOUT_REFERRAL_DAYS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(Partnership.class);

    /** One line of the "Besoins et orientations" section. */
    public record Line(String what, String status, LocalDate since, boolean alert) {
    }

    /** What the page shows; {@code available} false when partnership-service could not be read. */
    public record View(boolean available, List<Line> needs, List<Line> referrals, List<Line> group,
                       List<Timeline.Entry> timeline) {

        static View empty(boolean available) {
            return new View(available, List.of(), List.of(), List.of(), List.of());
        }
    }

    private final PartnershipsApi api;
    private final Labels labels;

    Partnership(PartnershipsApi api, Labels labels) {
        this.api = api;
        this.labels = labels;
    }

    public View of(StaffMember who, String participantId, LocalDate today) {
        JsonNode needs;
        JsonNode referrals;
        JsonNode members;
        try {
            needs = api.needs(who, participantId).path("needs");
            referrals = api.referrals(who, participantId);
            members = group(who, participantId);
        } catch (ServiceProblem e) {
            if (e.notFound()) {
                // the territory's partnership-service has not heard of the person yet: nothing to show
                return View.empty(true);
            }
            LOG.warn("partnership-service refused the needs of a person: {} {}", e.status(), e.rule());
            return View.empty(false);
        } catch (RuntimeException e) {
            LOG.warn("partnership-service could not be read: {}", e.toString());
            return View.empty(false);
        }
        List<String> referredDomains = new ArrayList<>();
        List<Line> referralLines = new ArrayList<>();
        List<Timeline.Entry> timeline = new ArrayList<>();
        for (JsonNode r : referrals) {
            String domain = r.path("domain").asString();
            referredDomains.add(domain);
            LocalDate proposed = date(r.path("proposedOn").asString(null));
            LocalDate updated = date(r.path("updatedOn").asString(null));
            referralLines.add(new Line(labels.partnerDomain(domain), labels.referralStatus(r.path("status").asString()),
                    proposed, false));
            if (proposed != null) {
                timeline.add(new Timeline.Entry(proposed, "Orientation proposée : " + labels.partnerDomain(domain), null));
            }
            if (updated != null && !"PROPOSED".equals(r.path("status").asString())) {
                timeline.add(new Timeline.Entry(updated, labels.referralStatus(r.path("status").asString()) + " : "
                        + labels.partnerDomain(domain), null));
            }
        }
        List<Line> needLines = new ArrayList<>();
        for (JsonNode n : needs) {
            String domain = n.path("partnerDomain").asString();
            LocalDate opened = date(n.path("openedOn").asString(null));
            boolean open = "OPEN".equals(n.path("status").asString());
            boolean alert = open && opened != null && !referredDomains.contains(domain)
                    && ChronoUnit.DAYS.between(opened, today) > NEED_WITHOUT_REFERRAL_DAYS;
            needLines.add(new Line(labels.partnerDomain(domain), labels.needStatus(n.path("status").asString()), opened, alert));
        }
        List<Line> groupLines = new ArrayList<>();
        for (JsonNode m : members) {
            String who2 = m.path("name").asString("") + (m.path("organisation").asString("").isBlank() ? ""
                    : " (" + m.path("organisation").asString() + ")");
            String role = Labels.label(Labels.FOLLOW_UP_ROLES, m.path("role").asString());
            LocalDate starts = date(m.path("startsOn").asString(null));
            LocalDate ends = date(m.path("endsOn").asString(null));
            if (ends == null || ends.isAfter(today)) {
                groupLines.add(new Line(who2, role, starts, false));
            }
            if (starts != null) {
                timeline.add(new Timeline.Entry(starts, "Groupe de suivi : " + who2 + " rejoint le groupe", role));
            }
            if (ends != null) {
                timeline.add(new Timeline.Entry(ends, "Groupe de suivi : " + who2 + " quitte le groupe", role));
            }
        }
        return new View(true, needLines, referralLines, groupLines, timeline);
    }

    /** The follow-up group's members; a person the territory has no group for has none. */
    private JsonNode group(StaffMember who, String participantId) {
        try {
            return api.followUpGroup(who, participantId).path("members");
        } catch (ServiceProblem e) {
            if (e.notFound()) {
                return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            }
            throw e;
        }
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() || "null".equals(s) ? null : LocalDate.parse(s.substring(0, 10));
    }
}
