package fr.convergence.workspace.partners;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.PartnershipsApi;
import fr.convergence.workspace.services.ServiceProblem;
import fr.convergence.workspace.web.Field;
import fr.convergence.workspace.web.FormFlow;
import fr.convergence.workspace.web.FormPage;
import fr.convergence.workspace.web.FormPosts;
import fr.convergence.workspace.web.FormResponses;
import fr.convergence.workspace.web.FormState;
import fr.convergence.workspace.web.FrenchDates;
import fr.convergence.workspace.web.Labels;
import fr.convergence.workspace.web.Roles;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coordinator runs the partner network: a new partner (its domains and a contact), an agreement with one (its
 * dates and the domains it covers) and the end of an agreement. Only the coordinator may (partnership-service says
 * so too); each form's key is sent as Idempotency-Key.
 */
@Controller
class NetworkFormsController {

    /** One checkbox per partner domain, named {@code domain_CODE}; {@link #checked} turns them into the API's list. */
    static List<Field> domainBoxes(Map<String, String> domains, String prefix) {
        List<Field> boxes = new ArrayList<>();
        domains.forEach((code, label) -> boxes.add(Field.checkbox("domain_" + code, prefix + label, null)));
        return boxes;
    }

    static final List<Field> PARTNER = concat(List.of(Field.text("name", "Nom du partenaire", null, true)),
            domainBoxes(Labels.PARTNER_DOMAINS, "Domaine : "),
            List.of(Field.text("contactName", "Contact : nom", "Facultatif ; la personne à joindre", false),
                    new Field("contactEmail", "Contact : adresse électronique", null, Field.Kind.EMAIL, Map.of(), false),
                    new Field("contactPhone", "Contact : téléphone", null, Field.Kind.TEL, Map.of(), false)));

    private final PartnershipsApi partnerships;
    private final FormPosts forms;
    private final FormFlow flow;
    private final Labels labels;

    NetworkFormsController(PartnershipsApi partnerships, FormPosts forms, FormFlow flow, Labels labels) {
        this.partnerships = partnerships;
        this.forms = forms;
        this.flow = flow;
        this.labels = labels;
    }

    @GetMapping("/espace/reseau/nouveau-partenaire")
    String partnerForm(StaffMember me, Model model) {
        Roles.require(me, StaffRole.COORDINATOR);
        return FormResponses.show(partnerPage(forms.fresh(me, PARTNER, Map.of())), model);
    }

    @PostMapping("/espace/reseau/nouveau-partenaire")
    String register(StaffMember me, @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        Roles.require(me, StaffRole.COORDINATOR);
        FormState form = forms.posted(me, PARTNER, params);
        return flow.submit(form, partnerPage(form), body -> {
            Map<String, Object> partner = new LinkedHashMap<>();
            partner.put("name", body.get("name"));
            partner.put("domains", checked(body, "domains"));
            if (body.get("contactName") != null) {
                Map<String, Object> contact = new LinkedHashMap<>();
                contact.put("name", body.get("contactName"));
                if (body.get("contactEmail") != null) {
                    contact.put("email", body.get("contactEmail"));
                }
                if (body.get("contactPhone") != null) {
                    contact.put("phone", body.get("contactPhone"));
                }
                partner.put("contacts", List.of(contact));
            }
            rename(() -> partnerships.registerPartner(me, partner, form.formKey()), "domains");
            return "redirect:/espace/reseau?enregistre=partenaire";
        }, model, response);
    }

    @GetMapping("/espace/reseau/{partnerId}/convention")
    String agreementForm(StaffMember me, @PathVariable String partnerId, Model model) {
        Roles.require(me, StaffRole.COORDINATOR);
        JsonNode partner = partnerships.partner(me, partnerId);
        return FormResponses.show(agreementPage(partner, forms.fresh(me, agreementFields(partner),
                Map.of("startsOn", FrenchDates.format(FrenchDates.today())))), model);
    }

    @PostMapping("/espace/reseau/{partnerId}/convention")
    String sign(StaffMember me, @PathVariable String partnerId, @RequestParam Map<String, String> params, Model model,
                HttpServletResponse response) {
        Roles.require(me, StaffRole.COORDINATOR);
        forms.requireToken(me, params);
        JsonNode partner = partnerships.partner(me, partnerId);
        FormState form = forms.posted(me, agreementFields(partner), params);
        return flow.submit(form, agreementPage(partner, form), body -> {
            Map<String, Object> agreement = new LinkedHashMap<>();
            agreement.put("startsOn", body.get("startsOn"));
            if (body.get("endsOn") != null) {
                agreement.put("endsOn", body.get("endsOn"));
            }
            agreement.put("scope", checked(body, "scope"));
            rename(() -> partnerships.signAgreement(me, partnerId, agreement, form.formKey()), "scope");
            return "redirect:/espace/reseau?enregistre=convention";
        }, model, response);
    }

    /** The domain boxes checked, as the API's list (their codes); the boxes themselves leave the body. */
    static List<String> checked(Map<String, Object> body, String what) {
        List<String> codes = new ArrayList<>();
        for (String code : Labels.PARTNER_DOMAINS.keySet()) {
            if (Boolean.TRUE.equals(body.remove("domain_" + code))) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** A refusal naming the list ({@code domains}, {@code scope}) is shown next to its first box. */
    private static void rename(Runnable call, String listField) {
        try {
            call.run();
        } catch (ServiceProblem p) {
            String first = "domain_" + Labels.PARTNER_DOMAINS.keySet().iterator().next();
            List<ServiceProblem.FieldError> errors = p.errors().stream().map(e -> listField.equals(e.field())
                    ? new ServiceProblem.FieldError(first, e.rule(), e.message()) : e).toList();
            throw new ServiceProblem(p.status(), p.rule(), listField.equals(p.field()) ? first : p.field(),
                    p.getMessage(), errors);
        }
    }

    /** The agreement covers some of the partner's own domains: only those are offered. */
    private List<Field> agreementFields(JsonNode partner) {
        Map<String, String> own = new LinkedHashMap<>();
        partner.path("domains").forEach(d -> own.put(d.asString(), labels.partnerDomain(d.asString())));
        return concat(List.of(Field.date("startsOn", "Début de la convention"),
                        new Field("endsOn", "Fin de la convention", "Format attendu : JJ/MM/AAAA ; vide si sans terme",
                                Field.Kind.DATE, Map.of(), false)),
                domainBoxes(own, "Couvre : "), List.of());
    }

    private static FormPage partnerPage(FormState form) {
        return new FormPage("Ajouter un partenaire", null,
                "Cochez les domaines où il travaille : ses orientations y seront proposées.",
                "/espace/reseau/nouveau-partenaire", "Ajouter au réseau", "/espace/reseau",
                List.of(new FormPage.Crumb("Réseau de partenaires", "/espace/reseau")), null, form);
    }

    private static FormPage agreementPage(JsonNode partner, FormState form) {
        return new FormPage("Signer une convention", partner.path("name").asString(),
                "Une orientation ne se propose qu'à un partenaire dont une convention en cours couvre le domaine.",
                "/espace/reseau/" + partner.path("id").asString() + "/convention", "Enregistrer la convention",
                "/espace/reseau", List.of(new FormPage.Crumb("Réseau de partenaires", "/espace/reseau")), null, form);
    }

    @SafeVarargs
    private static List<Field> concat(List<Field>... parts) {
        List<Field> all = new ArrayList<>();
        for (List<Field> p : parts) {
            all.addAll(p);
        }
        return List.copyOf(all);
    }
}
