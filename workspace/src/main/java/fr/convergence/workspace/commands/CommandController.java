package fr.convergence.workspace.commands;

import fr.convergence.workspace.person.Persons;
import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PathwaysApi;
import fr.convergence.workspace.services.ServiceProblem;
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
import org.springframework.util.MultiValueMap;
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
 * field and what was typed kept. The CIP reaches them from her person's page ({@code /espace/salaries/…}); the
 * coordinator the few that are also hers (a date correction, cancelling an exit) from the territory's person page
 * ({@code /espace/personnes/…}). A 403 of the service is shown as such: the page never decides for it.
 */
@Controller
class CommandController {

    /** Where each role's pages of a person live. */
    private enum Side {
        CIP("/espace/salaries/", "Mes salarié·es", "/espace/salaries", StaffRole.CIP),
        COORDINATOR("/espace/personnes/", "Mon territoire", "/espace/territoire", StaffRole.COORDINATOR);

        final String base;
        final String home;
        final String homeUrl;
        final StaffRole role;

        Side(String base, String home, String homeUrl, StaffRole role) {
            this.base = base;
            this.home = home;
            this.homeUrl = homeUrl;
            this.role = role;
        }
    }

    private final FormPosts forms;
    private final Persons persons;
    private final ParticipantsApi participants;
    private final PathwaysApi pathways;
    private final ProblemMessages messages;
    private final Labels labels;
    private final fr.convergence.workspace.rules.ProgrammeRules rules;

    CommandController(FormPosts forms, Persons persons, ParticipantsApi participants, PathwaysApi pathways,
                      ProblemMessages messages, Labels labels, fr.convergence.workspace.rules.ProgrammeRules rules) {
        this.rules = rules;
        this.forms = forms;
        this.persons = persons;
        this.participants = participants;
        this.pathways = pathways;
        this.messages = messages;
        this.labels = labels;
    }

    @GetMapping("/espace/salaries/{participantId}/parcours/{pathwayId}/{slug}")
    String form(StaffMember me, @PathVariable String participantId, @PathVariable String pathwayId,
                @PathVariable String slug, Model model) {
        return form(Side.CIP, me, participantId, pathwayId, slug, model);
    }

    @PostMapping("/espace/salaries/{participantId}/parcours/{pathwayId}/{slug}")
    String submit(StaffMember me, @PathVariable String participantId, @PathVariable String pathwayId,
                  @PathVariable String slug, @RequestParam MultiValueMap<String, String> posted, Model model,
                  HttpServletResponse response) {
        return submit(Side.CIP, me, participantId, pathwayId, slug, FormPosts.flatten(posted), model, response);
    }

    @GetMapping("/espace/personnes/{participantId}/parcours/{pathwayId}/{slug}")
    String coordinatorForm(StaffMember me, @PathVariable String participantId, @PathVariable String pathwayId,
                           @PathVariable String slug, Model model) {
        return form(Side.COORDINATOR, me, participantId, pathwayId, slug, model);
    }

    @PostMapping("/espace/personnes/{participantId}/parcours/{pathwayId}/{slug}")
    String coordinatorSubmit(StaffMember me, @PathVariable String participantId, @PathVariable String pathwayId,
                             @PathVariable String slug, @RequestParam MultiValueMap<String, String> posted, Model model,
                             HttpServletResponse response) {
        return submit(Side.COORDINATOR, me, participantId, pathwayId, slug, FormPosts.flatten(posted), model, response);
    }

    private String form(Side side, StaffMember me, String participantId, String pathwayId, String slug, Model model) {
        PathwayCommand command = command(side, me, slug);
        String name = Persons.displayName(participant(side, me, participantId));
        JsonNode pathway = persons.pathwayOf(me, participantId, pathwayId);
        Map<String, String> initial = new java.util.HashMap<>(command.initialFor(pathway));
        return FormResponses.show(page(side, command, participantId, pathwayId, pathway, name,
                forms.fresh(me, fields(me, command, pathwayId, pathway), initial)), model);
    }

    private String submit(Side side, StaffMember me, String participantId, String pathwayId, String slug,
                          Map<String, String> params, Model model, HttpServletResponse response) {
        PathwayCommand command = command(side, me, slug);
        forms.requireToken(me, params);
        String name = Persons.displayName(participant(side, me, participantId));
        JsonNode pathway = persons.pathwayOf(me, participantId, pathwayId);
        FormState form = forms.posted(me, fields(me, command, pathwayId, pathway), params);
        Map<String, Object> body = form.toBody();
        if (form.hasErrors()) {
            return FormResponses.refused(page(side, command, participantId, pathwayId, pathway, name, form), model, response);
        }
        try {
            pathways.command(me, pathwayId, command.path(body), body, form.formKey());
            return "redirect:" + side.base + participantId + "?enregistre=" + command.slug();
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500 || refused.status() == 401 || refused.status() == 403 || refused.notFound()) {
                throw refused;
            }
            form.refusedBy(refused, messages);
            return FormResponses.refused(page(side, command, participantId, pathwayId, pathway, name, form), model, response);
        }
    }

    private java.util.List<fr.convergence.workspace.web.Field> fields(StaffMember me, PathwayCommand command, String pathwayId,
                                                                      JsonNode pathway) {
        return command.fieldsFor(pathway, command.needsEvents() ? pathways.events(me, pathwayId) : null);
    }

    /** The person, read with the purpose of the page's role (recorded in their access log). */
    private JsonNode participant(Side side, StaffMember me, String participantId) {
        return side == Side.CIP ? persons.participant(me, participantId)
                : participants.read(me, participantId, ParticipantsApi.COORDINATION);
    }

    private static PathwayCommand command(Side side, StaffMember me, String slug) {
        if (!me.is(side.role)) {
            throw new AccessDeniedException("pages of " + side.role);
        }
        PathwayCommand command = PathwayCommand.bySlug(slug)
                .orElseThrow(() -> new ServiceProblem(404, "not-found", null, "no such form", List.of()));
        if (!command.forRole(me)) {
            throw new AccessDeniedException(slug + " is not offered to " + side.role);
        }
        return command;
    }

    private FormPage page(Side side, PathwayCommand command, String participantId, String pathwayId, JsonNode pathway,
                          String name, FormState form) {
        String person = side.base + participantId;
        return new FormPage(command.headingFor(pathway), name, command.introFor(pathway, labels, rules),
                person + "/parcours/" + pathwayId + "/" + command.slug(),
                command == PathwayCommand.EXIT_CANCELLATION ? "Annuler la sortie" : "Enregistrer", person,
                List.of(new FormPage.Crumb(side.home, side.homeUrl), new FormPage.Crumb(name, person)),
                null, form);
    }
}
