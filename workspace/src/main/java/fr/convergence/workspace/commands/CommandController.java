package fr.convergence.workspace.commands;

import fr.convergence.workspace.person.Persons;
import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.PathwaysApi;
import fr.convergence.workspace.services.ServiceProblem;
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
 * The form of every pathway command: GET renders it, POST sends it to pathway-service with the form's idempotency
 * key, and either goes back to the person's page (success) or shows the form again with the refusal next to its
 * field and what was typed kept.
 */
@Controller
class CommandController {

    private final FormPosts forms;
    private final Persons persons;
    private final PathwaysApi pathways;
    private final ProblemMessages messages;

    CommandController(FormPosts forms, Persons persons, PathwaysApi pathways, ProblemMessages messages) {
        this.forms = forms;
        this.persons = persons;
        this.pathways = pathways;
        this.messages = messages;
    }

    @GetMapping("/espace/salaries/{participantId}/parcours/{pathwayId}/{slug}")
    String form(StaffMember me, @PathVariable String participantId, @PathVariable String pathwayId,
                @PathVariable String slug, Model model) {
        PathwayCommand command = command(me, slug);
        String name = Persons.displayName(persons.participant(me, participantId));
        JsonNode pathway = persons.pathwayOf(me, participantId, pathwayId);
        return FormResponses.show(page(command, participantId, pathwayId, name,
                forms.fresh(me, command.fieldsFor(pathway), Map.of())), model);
    }

    @PostMapping("/espace/salaries/{participantId}/parcours/{pathwayId}/{slug}")
    String submit(StaffMember me, @PathVariable String participantId, @PathVariable String pathwayId,
                  @PathVariable String slug, @RequestParam Map<String, String> params, Model model,
                  HttpServletResponse response) {
        PathwayCommand command = command(me, slug);
        forms.requireToken(me, params);
        String name = Persons.displayName(persons.participant(me, participantId));
        JsonNode pathway = persons.pathwayOf(me, participantId, pathwayId);
        FormState form = forms.posted(me, command.fieldsFor(pathway), params);
        Map<String, Object> body = form.toBody();
        if (form.hasErrors()) {
            return FormResponses.refused(page(command, participantId, pathwayId, name, form), model, response);
        }
        try {
            pathways.command(me, pathwayId, command.path(body), body, form.formKey());
            return FormResponses.done(participantId, command.slug());
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500 || refused.status() == 401 || refused.status() == 403 || refused.notFound()) {
                throw refused;
            }
            form.refusedBy(refused, messages);
            return FormResponses.refused(page(command, participantId, pathwayId, name, form), model, response);
        }
    }

    private static PathwayCommand command(StaffMember me, String slug) {
        if (!me.is(StaffRole.CIP)) {
            throw new AccessDeniedException("ACI staff only");
        }
        return PathwayCommand.bySlug(slug)
                .orElseThrow(() -> new ServiceProblem(404, "not-found", null, "no such form", List.of()));
    }

    private static FormPage page(PathwayCommand command, String participantId, String pathwayId, String name,
                                 FormState form) {
        String person = "/espace/salaries/" + participantId;
        return new FormPage(command.heading(), name, null,
                person + "/parcours/" + pathwayId + "/" + command.slug(), "Enregistrer", person,
                List.of(new FormPage.Crumb("Mes salarié·es", "/espace/salaries"), new FormPage.Crumb(name, person)),
                null, form);
    }
}
