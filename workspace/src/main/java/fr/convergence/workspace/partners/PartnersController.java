package fr.convergence.workspace.partners;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.PartnershipsApi;
import fr.convergence.workspace.web.Labels;
import fr.convergence.workspace.web.Roles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The territory's partner network: the directory (search by domain) for the partnership staff, and for the
 * coordinator the whole network — each partner's contacts and agreements with their dates, and the chargés de
 * partenariat.
 */
@Controller
class PartnersController {

    record Entry(String name, List<String> domains, List<String> inAgreement) {
    }

    record Agreement(String startsOn, String endsOn, String endedOn, List<String> scope) {
    }

    record Contact(String name, String role, String email, String phone) {
    }

    record Partner(String id, String name, List<String> domains, List<Contact> contacts, List<Agreement> agreements) {
    }

    record Officer(String name, String email) {
    }

    private final PartnershipsApi partnerships;
    private final Labels labels;

    PartnersController(PartnershipsApi partnerships, Labels labels) {
        this.partnerships = partnerships;
        this.labels = labels;
    }

    @GetMapping("/espace/partenaires")
    String directory(StaffMember me, @RequestParam(name = "domaine", required = false) String domain, Model model) {
        Roles.require(me, StaffRole.PARTNERSHIP_OFFICER, StaffRole.COORDINATOR);
        String chosen = Labels.PARTNER_DOMAINS.containsKey(domain) ? domain : null;
        List<Entry> entries = new ArrayList<>();
        for (JsonNode p : partnerships.partners(me, chosen)) {
            entries.add(new Entry(p.path("name").asString(), domains(p.path("domains")), domains(p.path("inAgreement"))));
        }
        model.addAttribute("entries", entries);
        model.addAttribute("domains", Labels.PARTNER_DOMAINS);
        model.addAttribute("domain", chosen == null ? "" : chosen);
        return "pages/partners";
    }

    @GetMapping("/espace/reseau")
    String network(StaffMember me, @RequestParam(name = "enregistre", required = false) String saved, Model model) {
        Roles.require(me, StaffRole.COORDINATOR);
        List<Partner> partners = new ArrayList<>();
        // one read per partner: a territory's network is a few dozen organisations, and agreements live in each
        for (JsonNode summary : partnerships.partners(me, null)) {
            JsonNode p = partnerships.partner(me, summary.path("partnerId").asString());
            List<Contact> contacts = new ArrayList<>();
            p.path("contacts").forEach(c -> contacts.add(new Contact(c.path("name").asString(""),
                    c.path("role").asString(""), c.path("email").asString(""), c.path("phone").asString(""))));
            List<Agreement> agreements = new ArrayList<>();
            p.path("agreements").forEach(a -> agreements.add(new Agreement(labels.date(a.path("startsOn").asString(null)),
                    labels.date(a.path("endsOn").asString(null)), labels.date(a.path("endedOn").asString(null)),
                    domains(a.path("scope")))));
            partners.add(new Partner(p.path("id").asString(), p.path("name").asString(), domains(p.path("domains")), contacts, agreements));
        }
        List<Officer> officers = new ArrayList<>();
        partnerships.officers(me).forEach(o -> officers.add(new Officer(o.path("name").asString(""), o.path("email").asString(""))));
        model.addAttribute("partners", partners);
        model.addAttribute("officers", officers);
        model.addAttribute("saved", fr.convergence.workspace.web.Saved.message(saved));
        return "pages/network";
    }

    private List<String> domains(JsonNode codes) {
        List<String> out = new ArrayList<>();
        codes.forEach(d -> out.add(labels.partnerDomain(d.asString())));
        return out;
    }
}
