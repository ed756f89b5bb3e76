package fr.convergence.workspace.audit;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.AuditApi;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.ServiceProblem;
import fr.convergence.workspace.web.Field;
import fr.convergence.workspace.web.FormPosts;
import fr.convergence.workspace.web.FormState;
import fr.convergence.workspace.web.FrenchDates;
import fr.convergence.workspace.web.Labels;
import fr.convergence.workspace.web.ProblemMessages;
import fr.convergence.workspace.web.Roles;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rechercher une personne, then her file: the history across services as one timeline, the state on a chosen day,
 * the chain verification said plainly, who read the file, and the PDF export (pathway-service builds it; the page
 * links to it through the gateway). Every read here is recorded by the services under the auditor's id.
 */
@Controller
class AuditController {

    static final List<Field> BY_NAME = List.of(Field.text("lastName", "Nom", "Nom exact, sans tenir compte des accents ni des majuscules", true),
            Field.text("firstName", "Prénom", null, false));
    private static final String PSEUDONYMOUS_ID = "PSN-[A-Z2-7]{12}";

    /** One hit of a name search. */
    record Hit(String participantId, String name, String aci, String status) {
    }

    private final fr.convergence.workspace.services.PartnershipsApi partnerships;
    private final ParticipantsApi participants;
    private final AuditApi audit;
    private final FormPosts forms;
    private final ProblemMessages messages;
    private final Labels labels;

    AuditController(ParticipantsApi participants, AuditApi audit, fr.convergence.workspace.services.PartnershipsApi partnerships,
                    FormPosts forms, ProblemMessages messages, Labels labels) {
        this.participants = participants;
        this.partnerships = partnerships;
        this.audit = audit;
        this.forms = forms;
        this.messages = messages;
        this.labels = labels;
    }

    @GetMapping("/espace/audit")
    String search(StaffMember me, @RequestParam(name = "identifiant", required = false) String id, Model model,
                  HttpServletResponse response) {
        Roles.require(me, StaffRole.AUDITOR);
        if (id != null) {
            String trimmed = id.strip().toUpperCase(java.util.Locale.ROOT);
            if (trimmed.matches(PSEUDONYMOUS_ID)) {
                return "redirect:/espace/audit/" + trimmed;
            }
            model.addAttribute("idError", "Un identifiant pseudonyme s'écrit PSN- suivi de 12 lettres ou chiffres, "
                    + "par exemple PSN-ABCDEFGH2345.");
            model.addAttribute("idValue", id);
            response.setStatus(422);
        }
        return page(me, forms.fresh(me, BY_NAME, Map.of()), null, model);
    }

    /** Names travel in a POST body, never in an address that proxies and logs keep (as participant-service asks). */
    @PostMapping("/espace/audit")
    String searchByName(StaffMember me, @RequestParam Map<String, String> params, Model model,
                        HttpServletResponse response) {
        Roles.require(me, StaffRole.AUDITOR);
        FormState form = forms.posted(me, BY_NAME, params);
        Map<String, Object> body = form.toBody();
        if (form.hasErrors() || me.territory() == null) {
            if (me.territory() == null) {
                form.generalError("Un·e auditeur·rice national·e retrouve une personne par son identifiant pseudonyme.");
            }
            response.setStatus(422);
            return page(me, form, null, model);
        }
        try {
            List<Hit> hits = new ArrayList<>();
            for (JsonNode h : participants.byName(me, me.territory(), (String) body.get("lastName"),
                    (String) body.get("firstName"), ParticipantsApi.AUDIT)) {
                hits.add(new Hit(h.path("participantId").asString(), h.path("erased").asBoolean(false)
                        ? "Données effacées" : h.path("firstName").asString("") + " " + h.path("lastName").asString(""),
                        labels.aci(h.path("aciId").asString(null)), labels.personStatus(h.path("status").asString(null))));
            }
            return page(me, forms.fresh(me, BY_NAME, params), hits, model);
        } catch (ServiceProblem refused) {
            if (refused.status() != 400 && refused.status() != 403) {
                throw refused;
            }
            form.refusedBy(refused, messages);
            response.setStatus(422);
            return page(me, form, null, model);
        }
    }

    private String page(StaffMember me, FormState form, List<Hit> hits, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("byName", me.territory() != null);
        model.addAttribute("hits", hits);
        return "pages/audit-search";
    }

    @GetMapping("/espace/audit/{participantId}")
    String file(StaffMember me, @PathVariable String participantId,
                @RequestParam(name = "etatAu", required = false) String asOf, Model model, HttpServletResponse response) {
        Roles.require(me, StaffRole.AUDITOR);
        JsonNode person = participants.read(me, participantId, ParticipantsApi.AUDIT);
        List<AuditFile.Chain> chains = AuditFile.chains(audit.verification(me, participantId));
        JsonNode history = audit.history(me, participantId);
        model.addAttribute("participantId", participantId);
        model.addAttribute("name", person.path("erased").asBoolean(false) ? "Données effacées"
                : person.path("firstName").asString("") + " " + person.path("lastName").asString(""));
        model.addAttribute("aci", labels.aci(person.path("aciId").asString(null)));
        model.addAttribute("chains", chains);
        model.addAttribute("intact", chains.stream().allMatch(AuditFile.Chain::intact));
        model.addAttribute("events", AuditFile.timeline(history, chains, labels));
        // the service pages its history by 1,000 at most: say so rather than let a longer one look complete
        model.addAttribute("total", history.path("total").asLong(history.path("items").size()));
        model.addAttribute("asOfValue", asOf == null ? "" : asOf);
        if (asOf != null && !asOf.isBlank()) {
            LocalDate day = FrenchDates.parseDate(asOf.strip());
            if (day == null || day.isAfter(FrenchDates.today())) {
                model.addAttribute("asOfError", day == null ? "Indiquez une date valide, au format JJ/MM/AAAA."
                        : "Choisissez une date passée ou aujourd'hui.");
                response.setStatus(422);
            } else {
                model.addAttribute("asOfDay", FrenchDates.format(day));
                model.addAttribute("states", AsOfState.of(audit.stateAsOf(me, participantId, day), labels));
            }
        }
        // the logs last: the reads this very page made (history, state) are in them
        model.addAttribute("personalReads", AuditFile.personalDataReads(participants.accessLog(me, participantId), labels));
        model.addAttribute("historyReads", AuditFile.historyReads(audit.reads(me, participantId), labels));
        try {
            model.addAttribute("partnershipReads", AuditFile.partnershipReads(partnerships.historyReads(me, participantId), labels));
        } catch (fr.convergence.workspace.services.ServiceProblem | org.springframework.web.client.ResourceAccessException e) {
            // an unknown person there (no referral ever) or the service down: the page says the trail is not available
            model.addAttribute("partnershipReads", null);
        }
        return "pages/audit-file";
    }
}
