package fr.convergence.workspace.partners;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.PartnershipsApi;
import fr.convergence.workspace.web.Field;
import fr.convergence.workspace.web.FormFlow;
import fr.convergence.workspace.web.FormPage;
import fr.convergence.workspace.web.FormPosts;
import fr.convergence.workspace.web.FormResponses;
import fr.convergence.workspace.web.FormState;
import fr.convergence.workspace.web.FrenchDates;
import fr.convergence.workspace.web.Labels;
import fr.convergence.workspace.web.Roles;
import fr.convergence.workspace.web.Saved;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's needs and referrals for the territory's partnership staff (pseudonymous: partnership-service knows
 * people by their id only), proposing a partner for a need, and recording each answer of the partner.
 */
@Controller
class ReferralsController {

    /** A referral as the page lists it, with the steps this person may take on it. */
    record Row(String referralId, String partner, String domain, String status, String outcome, String proposedOn,
               String updatedOn, List<Action> actions) {
    }

    record Action(String label, String href) {
    }

    record NeedRow(String domain, String barrier, String status, String openedOn, String closedOn) {
    }

    private final PartnershipsApi partnerships;
    private final FormPosts forms;
    private final FormFlow flow;
    private final Labels labels;

    ReferralsController(PartnershipsApi partnerships, FormPosts forms, FormFlow flow, Labels labels) {
        this.partnerships = partnerships;
        this.forms = forms;
        this.flow = flow;
        this.labels = labels;
    }

    @GetMapping("/espace/orientations/{participantId}")
    String person(StaffMember me, @PathVariable String participantId,
                  @RequestParam(name = "enregistre", required = false) String saved, Model model) {
        Roles.require(me, StaffRole.PARTNERSHIP_OFFICER, StaffRole.COORDINATOR);
        JsonNode needs = partnerships.needs(me, participantId);
        Map<String, String> partnerNames = new HashMap<>();
        partnerships.partners(me, null).forEach(p -> partnerNames.put(p.path("partnerId").asString(), p.path("name").asString()));
        List<NeedRow> needRows = new ArrayList<>();
        for (JsonNode n : needs.path("needs")) {
            needRows.add(new NeedRow(n.path("partnerDomain").asString(), labels.barrier(n.path("barrierDomain").asString()),
                    n.path("status").asString(), labels.date(n.path("openedOn").asString(null)),
                    labels.date(n.path("closedOn").asString(null))));
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : partnerships.referrals(me, participantId)) {
            String id = r.path("referralId").asString();
            String status = r.path("status").asString();
            List<Action> actions = new ArrayList<>();
            for (ReferralStep step : ReferralStep.values()) {
                if (step.offeredFrom(status, me.role())) {
                    actions.add(new Action(step.heading(), "/espace/orientations/" + participantId + "/" + id + "/" + step.slug()));
                }
            }
            rows.add(new Row(id, partnerNames.getOrDefault(r.path("partnerId").asString(), "Partenaire hors réseau"),
                    labels.partnerDomain(r.path("domain").asString()), labels.referralStatus(status),
                    labels.referralOutcome(r.path("outcome").asString(null)), labels.date(r.path("proposedOn").asString(null)),
                    labels.date(r.path("updatedOn").asString(null)), actions));
        }
        model.addAttribute("participantId", participantId);
        model.addAttribute("crumbs", me.is(StaffRole.COORDINATOR)
                ? List.of(new FormPage.Crumb("Mon territoire", "/espace/territoire"))
                : List.of(new FormPage.Crumb("Besoins à traiter", "/espace/besoins")));
        model.addAttribute("needs", needRows);
        model.addAttribute("referrals", rows);
        model.addAttribute("canPropose", me.is(StaffRole.PARTNERSHIP_OFFICER));
        model.addAttribute("saved", Saved.message(saved));
        return "pages/referrals";
    }

    @GetMapping("/espace/orientations/nouvelle")
    String proposeForm(StaffMember me, @RequestParam("personne") String participantId,
                       @RequestParam("domaine") String domain, Model model) {
        Roles.require(me, StaffRole.PARTNERSHIP_OFFICER);
        List<Field> fields = proposeFields(me, domain);
        FormState form = forms.fresh(me, fields, Map.of("proposedOn", FrenchDates.format(FrenchDates.today())));
        return FormResponses.show(proposePage(participantId, domain, form), model);
    }

    @PostMapping("/espace/orientations/nouvelle")
    String propose(StaffMember me, @RequestParam("personne") String participantId, @RequestParam("domaine") String domain,
                   @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        Roles.require(me, StaffRole.PARTNERSHIP_OFFICER);
        forms.requireToken(me, params);
        FormState form = forms.posted(me, proposeFields(me, domain), params);
        return flow.submit(form, proposePage(participantId, domain, form), body -> {
            body.put("participantId", participantId);
            body.put("domain", domain);
            partnerships.propose(me, body, form.formKey());
            return "redirect:/espace/orientations/" + participantId + "?enregistre=orientation";
        }, model, response);
    }

    @GetMapping("/espace/orientations/{participantId}/{referralId}/{step}")
    String stepForm(StaffMember me, @PathVariable String participantId, @PathVariable String referralId,
                    @PathVariable String step, Model model) {
        ReferralStep s = step(me, step);
        JsonNode referral = referralOf(me, participantId, referralId);
        FormState form = forms.fresh(me, fields(me, s),
                Map.of("date", FrenchDates.format(FrenchDates.today())));
        return FormResponses.show(stepPage(participantId, referralId, s, referral, form), model);
    }

    @PostMapping("/espace/orientations/{participantId}/{referralId}/{step}")
    String takeStep(StaffMember me, @PathVariable String participantId, @PathVariable String referralId,
                    @PathVariable String step, @RequestParam Map<String, String> params, Model model,
                    HttpServletResponse response) {
        ReferralStep s = step(me, step);
        forms.requireToken(me, params);
        JsonNode referral = referralOf(me, participantId, referralId);
        FormState form = forms.posted(me, fields(me, s), params);
        return flow.submit(form, stepPage(participantId, referralId, s, referral, form), body -> {
            partnerships.step(me, referralId, s.route(), body, form.formKey());
            return "redirect:/espace/orientations/" + participantId + "?enregistre=" + s.route();
        }, model, response);
    }

    private List<Field> fields(StaffMember me, ReferralStep s) {
        return s.fields(s == ReferralStep.COMPLETE ? partnerships.outcomes(me) : List.of(),
                s.takesReason() ? partnerships.reasons(me, s.route()) : Map.of());
    }

    private ReferralStep step(StaffMember me, String slug) {
        Roles.require(me, StaffRole.PARTNERSHIP_OFFICER, StaffRole.COORDINATOR);
        ReferralStep s = ReferralStep.fromSlug(slug).orElseThrow(NotFound::new);
        if (!s.allows(me.role())) {
            // a step the service would refuse to this role (a coordinator does not cancel): said here in French
            throw new org.springframework.security.access.AccessDeniedException("step " + slug + " not for " + me.role());
        }
        return s;
    }

    /** The referral, if it is this person's: another person's id in the address is "not found", as in the services. */
    private JsonNode referralOf(StaffMember me, String participantId, String referralId) {
        JsonNode referral = partnerships.referral(me, referralId);
        if (!participantId.equals(referral.path("participantId").asString())) {
            throw new NotFound();
        }
        return referral;
    }

    private List<Field> proposeFields(StaffMember me, String domain) {
        if (!Labels.PARTNER_DOMAINS.containsKey(domain)) {
            throw new NotFound();
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (JsonNode p : partnerships.partners(me, domain)) {
            boolean covered = false;
            for (JsonNode d : p.path("inAgreement")) {
                covered |= domain.equals(d.asString());
            }
            options.put(p.path("partnerId").asString(), p.path("name").asString()
                    + (covered ? "" : " (sans convention en cours pour ce domaine)"));
        }
        return List.of(new Field("partnerId", "Partenaire", null, Field.Kind.SELECT, options, true),
                Field.date("proposedOn", "Date de la proposition"));
    }

    private FormPage proposePage(String participantId, String domain, FormState form) {
        return new FormPage("Proposer un partenaire", participantId,
                "Besoin : " + labels.partnerDomain(domain) + ". Les partenaires du réseau qui travaillent dans ce domaine.",
                "/espace/orientations/nouvelle?personne=" + participantId + "&domaine=" + domain, "Envoyer l'orientation",
                "/espace/besoins", crumbs(participantId), null, form);
    }

    private FormPage stepPage(String participantId, String referralId, ReferralStep s, JsonNode referral, FormState form) {
        return new FormPage(s.heading(), participantId,
                "Orientation " + labels.partnerDomain(referral.path("domain").asString()).toLowerCase(java.util.Locale.FRENCH)
                        + " proposée le " + labels.date(referral.path("history").path(0).path("on").asString(null))
                        + ", aujourd'hui : " + labels.referralStatus(referral.path("status").asString()).toLowerCase(java.util.Locale.FRENCH) + ".",
                "/espace/orientations/" + participantId + "/" + referralId + "/" + s.slug(), s.submit(),
                "/espace/orientations/" + participantId, crumbs(participantId), null, form);
    }

    private static List<FormPage.Crumb> crumbs(String participantId) {
        return List.of(new FormPage.Crumb("Besoins à traiter", "/espace/besoins"),
                new FormPage.Crumb("Orientations de " + participantId, "/espace/orientations/" + participantId));
    }

    /** Shown as the French "Page introuvable", like a service's 404. */
    static final class NotFound extends fr.convergence.workspace.services.ServiceProblem {
        NotFound() {
            super(404, "not-found", null, "no such page", List.of());
        }
    }
}
