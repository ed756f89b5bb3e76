package fr.convergence.workspace.person;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.ServiceProblem;
import fr.convergence.workspace.web.Field;
import fr.convergence.workspace.web.FormPage;
import fr.convergence.workspace.web.FormPosts;
import fr.convergence.workspace.web.FormResponses;
import fr.convergence.workspace.web.FormState;
import fr.convergence.workspace.web.ProblemMessages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Correcting a person's contact details (GDPR Art. 16) through participant-service, which reseals them and records
 * the correction in its access log. The form opens with the details as they read now; a field emptied is removed.
 */
@Controller
class ContactController {

    static final List<Field> CONTACT = List.of(
            new Field("phone", "Téléphone", "Par exemple 06 12 34 56 78 ; vide pour le retirer", Field.Kind.TEL, Map.of(), false),
            new Field("email", "Adresse électronique", "Par exemple nom@exemple.fr ; vide pour la retirer", Field.Kind.EMAIL, Map.of(), false),
            new Field("address", "Adresse postale", "Vide pour la retirer", Field.Kind.TEXTAREA, Map.of(), false));

    private final FormPosts forms;
    private final Persons persons;
    private final ParticipantsApi participants;
    private final ProblemMessages messages;

    ContactController(FormPosts forms, Persons persons, ParticipantsApi participants, ProblemMessages messages) {
        this.forms = forms;
        this.persons = persons;
        this.participants = participants;
        this.messages = messages;
    }

    @GetMapping("/espace/salaries/{participantId}/coordonnees")
    String form(StaffMember me, @PathVariable String participantId, Model model) {
        require(me);
        JsonNode p = persons.participant(me, participantId);
        Map<String, String> now = Map.of("phone", p.path("phone").asString(""), "email", p.path("email").asString(""),
                "address", p.path("address").asString(""));
        return FormResponses.show(page(participantId, Persons.displayName(p), forms.fresh(me, CONTACT, now)), model);
    }

    @PostMapping("/espace/salaries/{participantId}/coordonnees")
    String submit(StaffMember me, @PathVariable String participantId, @RequestParam Map<String, String> params,
                  Model model, HttpServletResponse response) {
        require(me);
        FormState form = forms.posted(me, CONTACT, params);
        String name = Persons.displayName(persons.participant(me, participantId));
        Map<String, Object> body = form.toBody();
        if (form.hasErrors()) {
            return FormResponses.refused(page(participantId, name, form), model, response);
        }
        try {
            participants.rectifyContact(me, participantId, body, form.formKey());
            return FormResponses.done(participantId, "coordonnees");
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500 || refused.status() == 401 || refused.status() == 403 || refused.notFound()) {
                throw refused;
            }
            form.refusedBy(refused, messages);
            return FormResponses.refused(page(participantId, name, form), model, response);
        }
    }

    private static FormPage page(String participantId, String name, FormState form) {
        String person = "/espace/salaries/" + participantId;
        return new FormPage("Corriger les coordonnées", name,
                "La correction est enregistrée dans le journal des accès de la personne (droit de rectification).",
                person + "/coordonnees", "Enregistrer la correction", person,
                List.of(new FormPage.Crumb("Mes salarié·es", "/espace/salaries"), new FormPage.Crumb(name, person)),
                null, form);
    }

    private static void require(StaffMember me) {
        if (!me.is(StaffRole.CIP)) {
            throw new AccessDeniedException("ACI staff only");
        }
    }
}
