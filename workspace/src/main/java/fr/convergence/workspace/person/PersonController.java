package fr.convergence.workspace.person;

import fr.convergence.workspace.commands.PathwayCommand;
import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.web.FormPage;
import fr.convergence.workspace.web.FrenchDates;
import fr.convergence.workspace.web.Labels;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;

/** A person's page: identity, pathway summary, what can be recorded now, and the timeline. */
@Controller
class PersonController {

    private final Persons persons;
    private final fr.convergence.workspace.services.PathwaysApi pathways;
    private final Labels labels;
    private final Partnership partnership;

    PersonController(Persons persons, fr.convergence.workspace.services.PathwaysApi pathways, Labels labels,
                     Partnership partnership) {
        this.persons = persons;
        this.pathways = pathways;
        this.labels = labels;
        this.partnership = partnership;
    }

    @GetMapping("/espace/salaries/{participantId}")
    String person(StaffMember me, @PathVariable String participantId,
                  @RequestParam(name = "enregistre", required = false) String recorded, Model model) {
        if (!me.is(StaffRole.CIP)) {
            throw new AccessDeniedException("ACI staff only");
        }
        JsonNode participant = persons.participant(me, participantId);
        JsonNode pathway = persons.currentPathway(me, participantId).orElse(null);
        String status = pathway == null ? null : pathway.path("status").asString();
        List<PathwayCommand> actions = pathway == null ? List.of() : Arrays.stream(PathwayCommand.values())
                .filter(c -> c.offeredWhen(status) && c.forRole(me)).toList();
        model.addAttribute("participantId", participantId);
        model.addAttribute("name", Persons.displayName(participant));
        model.addAttribute("participant", participant);
        model.addAttribute("pathway", pathway);
        model.addAttribute("actions", actions);
        Partnership.View partners = partnership.of(me, participantId, fr.convergence.workspace.web.FrenchDates.today());
        java.util.List<Timeline.Entry> timeline = new java.util.ArrayList<>(timeline(me, participant, pathway));
        timeline.addAll(partners.timeline());
        timeline.sort(java.util.Comparator.comparing(Timeline.Entry::date).reversed());
        model.addAttribute("timeline", timeline);
        model.addAttribute("partners", partners);
        model.addAttribute("recorded", recordedMessage(recorded));
        model.addAttribute("crumbs", List.of(new FormPage.Crumb("Mes salarié·es", "/espace/salaries")));
        List<String> openBarriers = new java.util.ArrayList<>();
        if (pathway != null) {
            pathway.path("openBarriers").properties().forEach(e -> openBarriers.add(labels.barrier(e.getKey())));
        }
        model.addAttribute("openBarriers", openBarriers);
        model.addAttribute("situation", pathway == null ? null : PathwaySituation.of(pathway, labels, FrenchDates.today()));
        return "pages/person";
    }

    /** The pathway's events; an older pathway-service without the events route: the state's dates. */
    private java.util.List<Timeline.Entry> timeline(StaffMember me, JsonNode participant, JsonNode pathway) {
        if (pathway == null) {
            return Timeline.of(participant, null, labels);
        }
        try {
            return Timeline.ofEvents(participant, pathways.events(me, pathway.path("pathwayId").asString()), labels);
        } catch (fr.convergence.workspace.services.ServiceProblem e) {
            if (!e.notFound()) {
                throw e;
            }
            return Timeline.of(participant, pathway, labels);
        }
    }

    /** The success alert after a form: from the command's own sentence, never from the query string's text. */
    static String recordedMessage(String recorded) {
        if (recorded == null) {
            return null;
        }
        if ("embauche".equals(recorded)) {
            return "L'embauche est enregistrée : le parcours est ouvert.";
        }
        if ("coordonnees".equals(recorded)) {
            return "Les coordonnées sont corrigées.";
        }
        return PathwayCommand.bySlug(recorded).map(PathwayCommand::done).orElse(null);
    }
}
