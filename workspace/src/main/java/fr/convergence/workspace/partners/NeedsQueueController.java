package fr.convergence.workspace.partners;

import fr.convergence.workspace.reference.ReferenceData;
import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.PartnershipsApi;
import fr.convergence.workspace.services.ServiceProblem;
import fr.convergence.workspace.web.Labels;
import fr.convergence.workspace.web.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Besoins à traiter: the territory's open needs (opened by barriers a partner should handle), by partner domain and
 * age band, oldest first. Each need says which ACI the person is in (its name from the reference data), who assessed
 * it (the referent CIP) and how to reach the ACI, and leads to proposing a partner.
 */
@Controller
class NeedsQueueController {

    private static final Logger LOG = LoggerFactory.getLogger(NeedsQueueController.class);

    /** One count of the summary table, with the link that filters the queue on it. */
    record Cell(String band, String bandLabel, int count, String href) {
    }

    record SummaryRow(String domain, String label, List<Cell> cells, int total) {
    }

    /** One open need of the queue; {@code aci} is null when the reference data could not be read. */
    record QueueRow(String participantId, String partnerDomain, String domainLabel, String barrierLabel,
                    String intensityLabel, long daysOpen, String openedOn, String bandLabel, String aciId,
                    ReferenceData.Aci aci, String referent) {
    }

    private final PartnershipsApi partnerships;
    private final ReferenceData reference;
    private final Labels labels;

    NeedsQueueController(PartnershipsApi partnerships, ReferenceData reference, Labels labels) {
        this.partnerships = partnerships;
        this.reference = reference;
        this.labels = labels;
    }

    @GetMapping("/espace/besoins")
    String queue(StaffMember me, @RequestParam(name = "domaine", required = false) String domain,
                 @RequestParam(name = "anciennete", required = false) String band, Model model) {
        Roles.require(me, StaffRole.PARTNERSHIP_OFFICER, StaffRole.COORDINATOR);
        String chosenDomain = Labels.PARTNER_DOMAINS.containsKey(domain) ? domain : null;
        AgeBand chosenBand = AgeBand.fromCode(band == null ? "" : band).orElse(null);
        Map<String, ReferenceData.Aci> acis = acis(me);
        List<QueueRow> rows = new ArrayList<>();
        for (JsonNode n : partnerships.openNeeds(me, chosenDomain)) {
            long days = n.path("daysOpen").asLong();
            if (chosenBand != null && !chosenBand.holds(days)) {
                continue;
            }
            String aciId = n.path("aciId").asString(null);
            rows.add(new QueueRow(n.path("participantId").asString(), n.path("partnerDomain").asString(),
                    labels.partnerDomain(n.path("partnerDomain").asString()), labels.barrier(n.path("barrierDomain").asString()),
                    labels.intensity(n.path("intensity").asString(null)), days, labels.date(n.path("openedOn").asString()),
                    AgeBand.of(days).label(), aciId, aciId == null ? null : acis.get(aciId),
                    n.path("assessedBy").asString(null)));
        }
        model.addAttribute("summary", summary(me));
        model.addAttribute("rows", rows);
        model.addAttribute("domains", Labels.PARTNER_DOMAINS);
        model.addAttribute("bands", AgeBand.values());
        model.addAttribute("domain", chosenDomain == null ? "" : chosenDomain);
        model.addAttribute("band", chosenBand == null ? "" : chosenBand.code());
        // the coordinator reads the queue; proposing is the partnership officers' (and CIPs') in partnership-service
        model.addAttribute("canPropose", me.is(StaffRole.PARTNERSHIP_OFFICER));
        model.addAttribute("referenceMissing", acis.isEmpty() && !rows.isEmpty());
        return "pages/needs";
    }

    /** Only the domains with an open need: twelve rows of zeros would hide the few that matter. */
    private List<SummaryRow> summary(StaffMember me) {
        JsonNode counts = partnerships.needsSummary(me);
        List<SummaryRow> rows = new ArrayList<>();
        Labels.PARTNER_DOMAINS.forEach((code, label) -> {
            JsonNode byBand = counts.path(code);
            List<Cell> cells = new ArrayList<>();
            int total = 0;
            for (AgeBand b : AgeBand.values()) {
                int c = byBand.path(b.code()).asInt(0);
                total += c;
                cells.add(new Cell(b.code(), b.label(), c, "/espace/besoins?domaine=" + code + "&anciennete=" + b.code()));
            }
            if (total > 0) {
                rows.add(new SummaryRow(code, label, cells, total));
            }
        });
        return rows;
    }

    /** The ACI's names and contacts; without them the queue still shows, with the ACI's short label. */
    private Map<String, ReferenceData.Aci> acis(StaffMember me) {
        if (me.territory() == null) {
            return Map.of();
        }
        try {
            return reference.acisOf(me, me.territory());
        } catch (ServiceProblem | org.springframework.web.client.ResourceAccessException e) {
            LOG.warn("reference data unavailable for the needs queue: {}", e.getMessage());
            return Map.of();
        }
    }
}
