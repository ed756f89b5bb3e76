package fr.convergence.workspace.register;

import fr.convergence.workspace.person.Persons;
import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PathwaysApi;
import fr.convergence.workspace.services.ServiceProblem;
import fr.convergence.workspace.web.Field;
import fr.convergence.workspace.web.FormPage;
import fr.convergence.workspace.web.FormPosts;
import fr.convergence.workspace.web.FormResponses;
import fr.convergence.workspace.web.FormState;
import fr.convergence.workspace.web.Labels;
import fr.convergence.workspace.web.ProblemMessages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Register a person, then hire them: one guided flow of two steps (fr-stepper). Step 1 creates the person in
 * participant-service, step 2 opens their pathway in pathway-service. Each step is its own form with its own
 * idempotency key, so a double click on either records once; a person registered but not yet hired shows in the
 * caseload as such, and step 2 can be taken up from their page.
 */
@Controller
class RegisterController {

    /** Posted by the "this is another person" button of the duplicate choice. */
    static final String CONFIRM_NEW = "_confirmNew";

    /** A person of the same name already in the ACI, offered as a choice. */
    record Duplicate(String participantId, String name, String ageBand) {
    }

    static final List<Field> PERSON = List.of(
            Field.text("firstName", "Prénom", null, true),
            Field.text("lastName", "Nom", null, true),
            Field.date("birthDate", "Date de naissance"),
            new Field("phone", "Téléphone", "Facultatif, par exemple 06 12 34 56 78", Field.Kind.TEL, Map.of(), false),
            new Field("email", "Adresse électronique", "Facultatif, par exemple nom@exemple.fr", Field.Kind.EMAIL, Map.of(), false),
            new Field("address", "Adresse postale", "Facultatif", Field.Kind.TEXTAREA, Map.of(), false));
    static final List<Field> HIRE = List.of(
            Field.select("programme", "Programme", Labels.PROGRAMMES),
            Field.date("contractStart", "Début du contrat"),
            Field.date("plannedEnd", "Fin prévue du contrat"),
            Field.number("weeklyHours", "Heures par semaine", "Nombre d'heures, par exemple 4 en PHC ou 26 en Convergence"),
            Field.checkbox("hoursDerogation", "Dérogation sur le nombre d'heures", "Moins d'heures que le minimum, sur décision"));

    private final FormPosts forms;
    private final ParticipantsApi participants;
    private final PathwaysApi pathways;
    private final Persons persons;
    private final ProblemMessages messages;
    private final RecentRegistrations recent;

    RegisterController(FormPosts forms, ParticipantsApi participants, PathwaysApi pathways, Persons persons,
                       ProblemMessages messages, RecentRegistrations recent) {
        this.recent = recent;
        this.forms = forms;
        this.participants = participants;
        this.pathways = pathways;
        this.persons = persons;
        this.messages = messages;
    }

    @GetMapping("/espace/salaries/nouveau")
    String personForm(StaffMember me, Model model) {
        requireCip(me);
        return FormResponses.show(personPage(forms.fresh(me, PERSON, Map.of())), model);
    }

    @PostMapping("/espace/salaries/nouveau")
    String register(StaffMember me, @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        requireCip(me);
        FormState form = forms.posted(me, PERSON, params);
        Map<String, Object> body = form.toBody();
        if (form.hasErrors()) {
            return FormResponses.refused(personPage(form), model, response);
        }
        // Someone of the same name already followed here: a choice, not an error — open their page, or confirm
        // that this is another person (the second button posts the same form with _confirmNew).
        Optional<String> alreadyDone = recent.of(me.userId(), form.formKey());
        if (alreadyDone.isPresent()) {
            return "redirect:/espace/salaries/" + alreadyDone.get() + "/embauche";
        }
        // the duplicate check sends the typed names too: a refusal of either call lands next to its field
        try {
            if (!"true".equals(params.get(CONFIRM_NEW))) {
                List<Duplicate> same = participants.sameName(me, me.aciId(), String.valueOf(body.get("firstName")),
                        String.valueOf(body.get("lastName"))).stream().filter(p -> !p.path("erased").asBoolean(false))
                        .map(p -> new Duplicate(p.path("participantId").asString(), Persons.displayName(p),
                                p.path("ageBand").asString(""))).toList();
                if (!same.isEmpty()) {
                    model.addAttribute("duplicates", same);
                    return FormResponses.show(personPage(form), model);
                }
            }
            // the CIP who registers is the person's referent; a coordinator can move them later
            body.put("referentId", me.userId());
            body.put("aciId", me.aciId());
            String id = participants.register(me, body, form.formKey()).path("participantId").asString();
            recent.remember(me.userId(), form.formKey(), id);
            return "redirect:/espace/salaries/" + id + "/embauche";
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500 || refused.notFound()) {
                throw refused;
            }
            form.refusedBy(refused, messages);
            return FormResponses.refused(personPage(form), model, response);
        }
    }

    @GetMapping("/espace/salaries/{participantId}/embauche")
    String hireForm(StaffMember me, @PathVariable String participantId, Model model) {
        requireCip(me);
        String name = Persons.displayName(persons.participant(me, participantId));
        return FormResponses.show(hirePage(participantId, name, forms.fresh(me, HIRE, Map.of("programme", "PHC"))), model);
    }

    @PostMapping("/espace/salaries/{participantId}/embauche")
    String hire(StaffMember me, @PathVariable String participantId, @RequestParam Map<String, String> params,
                Model model, HttpServletResponse response) {
        requireCip(me);
        FormState form = forms.posted(me, HIRE, params);
        String name = Persons.displayName(persons.participant(me, participantId));
        Map<String, Object> body = form.toBody();
        if (form.hasErrors()) {
            return FormResponses.refused(hirePage(participantId, name, form), model, response);
        }
        body.put("participantId", participantId);
        body.put("aciId", me.aciId());
        try {
            pathways.open(me, body, form.formKey());
            return FormResponses.done(participantId, "embauche");
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500 || refused.notFound()) {
                throw refused;
            }
            form.refusedBy(refused, messages);
            return FormResponses.refused(hirePage(participantId, name, form), model, response);
        }
    }

    private static FormPage personPage(FormState form) {
        return new FormPage("Inscrire une personne", null,
                "Les données personnelles restent dans le service des salarié·es, chiffrées ; vous serez son ou sa référent·e.",
                "/espace/salaries/nouveau", "Inscrire et passer à l'embauche", "/espace/salaries",
                List.of(new FormPage.Crumb("Mes salarié·es", "/espace/salaries")),
                new FormPage.Step(1, 2, "Identité de la personne", "Embauche"), form);
    }

    private static FormPage hirePage(String participantId, String name, FormState form) {
        return new FormPage("Embaucher", name, "Le contrat ouvre le parcours, en PHC ou directement en Convergence.",
                "/espace/salaries/" + participantId + "/embauche", "Enregistrer l'embauche",
                "/espace/salaries/" + participantId,
                List.of(new FormPage.Crumb("Mes salarié·es", "/espace/salaries"),
                        new FormPage.Crumb(name, "/espace/salaries/" + participantId)),
                new FormPage.Step(2, 2, "Embauche", null), form);
    }

    static void requireCip(StaffMember me) {
        if (!me.is(StaffRole.CIP) || me.aciId() == null) {
            throw new AccessDeniedException("ACI staff only");
        }
    }
}
