package fr.convergence.workspace.admin;

import fr.convergence.workspace.reference.ReferenceData;
import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.ServiceProblem;
import fr.convergence.workspace.web.Field;
import fr.convergence.workspace.web.FormFlow;
import fr.convergence.workspace.web.FormPage;
import fr.convergence.workspace.web.FormPosts;
import fr.convergence.workspace.web.FormResponses;
import fr.convergence.workspace.web.FormState;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference data for the administrator: territories, their ACI with SIRET, programmes, local coordination, the
 * dates an ACI joined and left the programme, and its contact. No personal data is read here.
 */
@Controller
class ReferenceDataController {

    /** The programmes are two checkboxes; the API wants one list, {@link #programmes} builds it. */
    static final List<Field> ACI = List.of(
            Field.text("name", "Nom de l'ACI", null, true),
            Field.text("siret", "SIRET", "14 chiffres", true),
            Field.checkbox("programmePHC", "Premières Heures en Chantier (PHC)", null),
            Field.checkbox("programmeCVG", "Convergence", null),
            Field.checkbox("localCoordination", "Porte la coordination locale du territoire", null),
            new Field("joinedOn", "Entrée dans le programme", "Format attendu : JJ/MM/AAAA", Field.Kind.DATE, Map.of(), false),
            new Field("leftOn", "Sortie du programme", "Format attendu : JJ/MM/AAAA ; vide si l'ACI y est toujours",
                    Field.Kind.DATE, Map.of(), false),
            new Field("contactEmail", "Adresse électronique de l'équipe d'accompagnement", "Par exemple accueil@aci.fr",
                    Field.Kind.EMAIL, Map.of(), false),
            new Field("contactPhone", "Téléphone de l'équipe d'accompagnement", "Par exemple 01 23 45 67 89",
                    Field.Kind.TEL, Map.of(), false));

    static final List<Field> NEW_TERRITORY = List.of(
            Field.text("code", "Code du territoire", "En minuscules, sans espace, par exemple somme ou ille-et-vilaine", true),
            Field.text("name", "Nom du territoire", "Par exemple Somme", true));
    static final List<Field> RENAME = List.of(Field.text("name", "Nom du territoire", null, true));

    private final ReferenceData reference;
    private final ParticipantsApi participants;
    private final FormPosts forms;
    private final FormFlow flow;
    private final Labels labels;

    ReferenceDataController(ReferenceData reference, ParticipantsApi participants, FormPosts forms, FormFlow flow,
                            Labels labels) {
        this.reference = reference;
        this.participants = participants;
        this.forms = forms;
        this.flow = flow;
        this.labels = labels;
    }

    @GetMapping("/espace/administration/referentiel")
    String list(StaffMember me, @RequestParam(name = "enregistre", required = false) String saved, Model model) {
        Roles.require(me, StaffRole.ADMIN);
        model.addAttribute("territories", reference.all(me));
        model.addAttribute("saved", Saved.message(saved));
        return "pages/reference-data";
    }

    @GetMapping("/espace/administration/referentiel/nouveau-territoire")
    String territoryForm(StaffMember me, Model model) {
        Roles.require(me, StaffRole.ADMIN);
        return FormResponses.show(territoryPage(null, forms.fresh(me, NEW_TERRITORY, Map.of())), model);
    }

    @PostMapping("/espace/administration/referentiel/nouveau-territoire")
    String addTerritory(StaffMember me, @RequestParam Map<String, String> params, Model model,
                        HttpServletResponse response) {
        Roles.require(me, StaffRole.ADMIN);
        FormState form = forms.posted(me, NEW_TERRITORY, params);
        return flow.submit(form, territoryPage(null, form), body -> {
            participants.addTerritory(me, body, form.formKey());
            return "redirect:/espace/administration/referentiel?enregistre=territoire";
        }, model, response);
    }

    @GetMapping("/espace/administration/referentiel/{code}/nom")
    String renameForm(StaffMember me, @PathVariable String code, Model model) {
        Roles.require(me, StaffRole.ADMIN);
        ReferenceData.Territory t = reference.territory(me, code);
        return FormResponses.show(territoryPage(t, forms.fresh(me, RENAME, Map.of("name", t.name()))), model);
    }

    @PostMapping("/espace/administration/referentiel/{code}/nom")
    String rename(StaffMember me, @PathVariable String code, @RequestParam Map<String, String> params, Model model,
                  HttpServletResponse response) {
        Roles.require(me, StaffRole.ADMIN);
        FormState form = forms.posted(me, RENAME, params);
        ReferenceData.Territory t = reference.territory(me, code);
        return flow.submit(form, territoryPage(t, form), body -> {
            participants.renameTerritory(me, code, body, form.formKey());
            return "redirect:/espace/administration/referentiel?enregistre=territoire";
        }, model, response);
    }

    private static FormPage territoryPage(ReferenceData.Territory t, FormState form) {
        return new FormPage(t == null ? "Ajouter un territoire" : "Renommer le territoire", t == null ? null : t.name(),
                t == null ? "Un territoire qui rejoint le programme ; ses ACI s'ajoutent ensuite." : null,
                t == null ? "/espace/administration/referentiel/nouveau-territoire"
                        : "/espace/administration/referentiel/" + t.code() + "/nom",
                "Enregistrer le territoire", "/espace/administration/referentiel",
                List.of(new FormPage.Crumb("Administration", "/espace/administration"),
                        new FormPage.Crumb("Référentiel", "/espace/administration/referentiel")), null, form);
    }

    @GetMapping("/espace/administration/referentiel/{code}/aci/nouvelle")
    String addForm(StaffMember me, @PathVariable String code, Model model) {
        Roles.require(me, StaffRole.ADMIN);
        ReferenceData.Territory t = reference.territory(me, code);
        return FormResponses.show(page(t, null, forms.fresh(me, ACI, Map.of())), model);
    }

    @PostMapping("/espace/administration/referentiel/{code}/aci/nouvelle")
    String add(StaffMember me, @PathVariable String code, @RequestParam Map<String, String> params, Model model,
               HttpServletResponse response) {
        Roles.require(me, StaffRole.ADMIN);
        FormState form = forms.posted(me, ACI, params);
        ReferenceData.Territory t = reference.territory(me, code);
        return flow.submit(form, page(t, null, form), body -> {
            send(() -> participants.addAci(me, code, programmes(body), form.formKey()));
            return "redirect:/espace/administration/referentiel?enregistre=aci";
        }, model, response);
    }

    @GetMapping("/espace/administration/referentiel/{code}/aci/{aciId}")
    String changeForm(StaffMember me, @PathVariable String code, @PathVariable String aciId, Model model) {
        Roles.require(me, StaffRole.ADMIN);
        ReferenceData.Territory t = reference.territory(me, code);
        ReferenceData.Aci aci = find(t, aciId);
        Map<String, String> now = new HashMap<>();
        now.put("name", aci.name());
        now.put("siret", aci.siret());
        now.put("programmePHC", String.valueOf(aci.programmes().contains("PHC")));
        now.put("programmeCVG", String.valueOf(aci.programmes().contains("CVG")));
        now.put("localCoordination", String.valueOf(aci.localCoordination()));
        now.put("joinedOn", labels.date(aci.joinedOn()));
        now.put("leftOn", labels.date(aci.leftOn()));
        now.put("contactEmail", aci.contactEmail() == null ? "" : aci.contactEmail());
        now.put("contactPhone", aci.contactPhone() == null ? "" : aci.contactPhone());
        return FormResponses.show(page(t, aci, forms.fresh(me, ACI, now)), model);
    }

    @PostMapping("/espace/administration/referentiel/{code}/aci/{aciId}")
    String change(StaffMember me, @PathVariable String code, @PathVariable String aciId,
                  @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        Roles.require(me, StaffRole.ADMIN);
        FormState form = forms.posted(me, ACI, params);
        ReferenceData.Territory t = reference.territory(me, code);
        ReferenceData.Aci aci = find(t, aciId);
        return flow.submit(form, page(t, aci, form), body -> {
            send(() -> participants.changeAci(me, code, aciId, programmes(body), form.formKey()));
            return "redirect:/espace/administration/referentiel?enregistre=aci";
        }, model, response);
    }

    /** The two programme checkboxes become the API's list; none checked is sent as an empty list (the service refuses it). */
    static Map<String, Object> programmes(Map<String, Object> body) {
        List<String> programmes = new ArrayList<>();
        if (Boolean.TRUE.equals(body.remove("programmePHC"))) {
            programmes.add("PHC");
        }
        if (Boolean.TRUE.equals(body.remove("programmeCVG"))) {
            programmes.add("CVG");
        }
        body.put("programmes", programmes);
        return body;
    }

    /** A refusal naming {@code programmes} is shown next to the first programme checkbox, the form's field for it. */
    private static void send(Runnable call) {
        try {
            call.run();
        } catch (ServiceProblem p) {
            boolean programmes = "programmes".equals(p.field())
                    || p.errors().stream().anyMatch(e -> "programmes".equals(e.field()));
            if (!programmes) {
                throw p;
            }
            List<ServiceProblem.FieldError> errors = p.errors().stream().map(e -> "programmes".equals(e.field())
                    ? new ServiceProblem.FieldError("programmePHC", e.rule(), e.message()) : e).toList();
            throw new ServiceProblem(p.status(), p.rule(), "programmes".equals(p.field()) ? "programmePHC" : p.field(),
                    p.getMessage(), errors);
        }
    }

    private static ReferenceData.Aci find(ReferenceData.Territory t, String aciId) {
        return t.acis().stream().filter(a -> a.id().equals(aciId)).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, "not-found", null, "no such ACI", List.of()));
    }

    private static FormPage page(ReferenceData.Territory t, ReferenceData.Aci aci, FormState form) {
        String base = "/espace/administration/referentiel/" + t.code() + "/aci/";
        return new FormPage(aci == null ? "Ajouter une ACI — " + t.name() : "Modifier l'ACI", aci == null ? null : aci.name(),
                "Les dates d'entrée et de sortie du programme bornent les embauches dans l'ACI.",
                base + (aci == null ? "nouvelle" : aci.id()), "Enregistrer l'ACI", "/espace/administration/referentiel",
                List.of(new FormPage.Crumb("Administration", "/espace/administration"),
                        new FormPage.Crumb("Référentiel", "/espace/administration/referentiel")), null, form);
    }
}
