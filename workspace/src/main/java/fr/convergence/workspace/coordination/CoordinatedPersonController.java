package fr.convergence.workspace.coordination;

import fr.convergence.workspace.reference.ReferenceData;
import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.ParticipantsApi;
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
import fr.convergence.workspace.web.ProblemMessages;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person of the territory, for the coordinator: who they are (read with the coordination purpose, recorded), their
 * follow-up group (members, roles; add one, record a departure), moving them to another ACI of the territory, and
 * erasing their personal data after a confirmation page that names what will be destroyed.
 */
@Controller
class CoordinatedPersonController {

    static final List<Field> JOIN = List.of(Field.select("role", "Rôle dans le groupe", Labels.FOLLOW_UP_ROLES),
            Field.text("name", "Nom du membre", null, true),
            Field.text("organisation", "Structure", "Par exemple le centre d'hébergement ou le service social", false),
            Field.date("startsOn", "Arrivée dans le groupe"));
    static final List<Field> LEAVE = List.of(Field.date("endsOn", "Date de départ"));
    static final List<Field> ERASE = List.of(Field.checkbox("confirm",
            "Je confirme l'effacement définitif des données personnelles de cette personne", null));

    record Member(String memberId, String name, String role, String organisation, String startsOn, String endsOn,
                  boolean active) {
    }

    private final ParticipantsApi participants;
    private final PartnershipsApi partnerships;
    private final ReferenceData reference;
    private final FormPosts forms;
    private final FormFlow flow;
    private final ProblemMessages messages;
    private final Labels labels;
    private final fr.convergence.workspace.person.Persons persons;

    CoordinatedPersonController(ParticipantsApi participants, PartnershipsApi partnerships, ReferenceData reference,
                     FormPosts forms, FormFlow flow, ProblemMessages messages, Labels labels,
                     fr.convergence.workspace.person.Persons persons) {
        this.persons = persons;
        this.participants = participants;
        this.partnerships = partnerships;
        this.reference = reference;
        this.forms = forms;
        this.flow = flow;
        this.messages = messages;
        this.labels = labels;
    }

    @GetMapping("/espace/personnes/{participantId}")
    String person(StaffMember me, @PathVariable String participantId,
                  @RequestParam(name = "enregistre", required = false) String saved, Model model) {
        Roles.require(me, StaffRole.COORDINATOR);
        JsonNode p = read(me, participantId);
        List<Member> members = new ArrayList<>();
        String groupUnavailable = null;
        try {
            for (JsonNode m : partnerships.followUpGroup(me, participantId).path("members")) {
                String ends = m.path("endsOn").asString(null);
                members.add(new Member(m.path("memberId").asString(), m.path("name").asString(""),
                        labels.followUpRole(m.path("role").asString()), m.path("organisation").asString(""),
                        labels.date(m.path("startsOn").asString(null)), labels.date(ends), ends == null || ends.isBlank()));
            }
        } catch (ServiceProblem notYet) {
            if (!notYet.notFound()) {
                throw notYet;
            }
            // partnership-service has not heard of the person yet (no pathway event, no referral): no group
            groupUnavailable = "Le groupe de suivi s'ouvre dès que le parcours de la personne est connu des partenariats.";
        }
        model.addAttribute("participantId", participantId);
        model.addAttribute("name", name(p));
        model.addAttribute("erased", p.path("erased").asBoolean(false));
        model.addAttribute("aci", aciName(me, p.path("aciId").asString(null)));
        model.addAttribute("referent", p.path("referentId").asString(""));
        model.addAttribute("members", members);
        model.addAttribute("groupUnavailable", groupUnavailable);
        model.addAttribute("saved", Saved.message(saved) != null ? Saved.message(saved)
                : fr.convergence.workspace.commands.PathwayCommand.bySlug(saved).map(fr.convergence.workspace.commands.PathwayCommand::done).orElse(null));
        pathwayOf(me, participantId, p, model);
        return "pages/coordinated-person";
    }

    @GetMapping("/espace/personnes/{participantId}/groupe/nouveau")
    String joinForm(StaffMember me, @PathVariable String participantId, Model model) {
        Roles.require(me, StaffRole.COORDINATOR);
        String name = name(read(me, participantId));
        return FormResponses.show(joinPage(participantId, name, forms.fresh(me, JOIN,
                Map.of("startsOn", FrenchDates.format(FrenchDates.today())))), model);
    }

    @PostMapping("/espace/personnes/{participantId}/groupe/nouveau")
    String join(StaffMember me, @PathVariable String participantId, @RequestParam Map<String, String> params, Model model,
                HttpServletResponse response) {
        Roles.require(me, StaffRole.COORDINATOR);
        FormState form = forms.posted(me, JOIN, params);
        String name = name(read(me, participantId));
        return flow.submit(form, joinPage(participantId, name, form), body -> {
            partnerships.joinGroup(me, participantId, body, form.formKey());
            return done(participantId, "membre");
        }, model, response);
    }

    @GetMapping("/espace/personnes/{participantId}/groupe/{memberId}/depart")
    String leaveForm(StaffMember me, @PathVariable String participantId, @PathVariable String memberId, Model model) {
        Roles.require(me, StaffRole.COORDINATOR);
        String name = name(read(me, participantId));
        return FormResponses.show(leavePage(participantId, memberId, name, forms.fresh(me, LEAVE,
                Map.of("endsOn", FrenchDates.format(FrenchDates.today())))), model);
    }

    @PostMapping("/espace/personnes/{participantId}/groupe/{memberId}/depart")
    String leave(StaffMember me, @PathVariable String participantId, @PathVariable String memberId,
                 @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        Roles.require(me, StaffRole.COORDINATOR);
        FormState form = forms.posted(me, LEAVE, params);
        String name = name(read(me, participantId));
        return flow.submit(form, leavePage(participantId, memberId, name, form), body -> {
            partnerships.leaveGroup(me, participantId, memberId, body, form.formKey());
            return done(participantId, "depart");
        }, model, response);
    }

    @GetMapping("/espace/personnes/{participantId}/changement-aci")
    String moveForm(StaffMember me, @PathVariable String participantId, Model model) {
        Roles.require(me, StaffRole.COORDINATOR);
        JsonNode p = read(me, participantId);
        FormState form = forms.fresh(me, moveFields(me, p), Map.of());
        return FormResponses.show(movePage(participantId, name(p), form), model);
    }

    @PostMapping("/espace/personnes/{participantId}/changement-aci")
    String move(StaffMember me, @PathVariable String participantId, @RequestParam Map<String, String> params,
                Model model, HttpServletResponse response) {
        Roles.require(me, StaffRole.COORDINATOR);
        forms.requireToken(me, params);
        JsonNode p = read(me, participantId);
        FormState form = forms.posted(me, moveFields(me, p), params);
        return flow.submit(form, movePage(participantId, name(p), form), body -> {
            participants.move(me, participantId, body, form.formKey());
            return done(participantId, "changement-aci");
        }, model, response);
    }

    @GetMapping("/espace/personnes/{participantId}/effacement")
    String eraseForm(StaffMember me, @PathVariable String participantId, Model model) {
        Roles.require(me, StaffRole.COORDINATOR);
        JsonNode p = read(me, participantId);
        return erasePage(participantId, p, forms.fresh(me, ERASE, Map.of()), model);
    }

    @PostMapping("/espace/personnes/{participantId}/effacement")
    String erase(StaffMember me, @PathVariable String participantId, @RequestParam Map<String, String> params,
                 Model model, HttpServletResponse response) {
        Roles.require(me, StaffRole.COORDINATOR);
        FormState form = forms.posted(me, ERASE, params);
        JsonNode p = read(me, participantId);
        if (!form.checked("confirm")) {
            form.errors().put("confirm", "Cochez la case pour confirmer : l'effacement ne peut pas être annulé.");
            response.setStatus(422);
            return erasePage(participantId, p, form, model);
        }
        try {
            participants.erase(me, participantId, form.formKey());
            return done(participantId, "effacement");
        } catch (ServiceProblem refused) {
            if (!FormFlow.isRefusal(refused)) {
                throw refused;
            }
            form.refusedBy(refused, messages);
            response.setStatus(422);
            return erasePage(participantId, p, form, model);
        }
    }

    /** The confirmation names each piece of personal data held, and what stays (pseudonymous, no way back to them). */
    private String erasePage(String participantId, JsonNode p, FormState form, Model model) {
        List<String> destroyed = new ArrayList<>();
        destroyed.add("le nom et le prénom (" + name(p) + ")");
        destroyed.add("la date de naissance");
        for (String[] f : new String[][]{{"phone", "le numéro de téléphone"}, {"email", "l'adresse électronique"},
                {"address", "l'adresse postale"}}) {
            if (!p.path(f[0]).asString("").isBlank()) {
                destroyed.add(f[1]);
            }
        }
        model.addAttribute("participantId", participantId);
        model.addAttribute("name", name(p));
        model.addAttribute("erased", p.path("erased").asBoolean(false));
        model.addAttribute("destroyed", destroyed);
        model.addAttribute("form", form);
        return "pages/erasure";
    }

    private List<Field> moveFields(StaffMember me, JsonNode p) {
        String current = p.path("aciId").asString("");
        Map<String, String> options = new LinkedHashMap<>();
        reference.acisOf(me, me.territory()).values().stream().filter(a -> !a.id().equals(current))
                .forEach(a -> options.put(a.id(), a.name().isBlank() ? labels.aci(a.id()) : a.name()));
        return List.of(Field.select("aciId", "Nouvelle ACI", options),
                Field.text("referentId", "Identifiant du ou de la CIP référent·e dans la nouvelle ACI",
                        "Par exemple cip-aci-paris-2 ; vide si à désigner", false));
    }

    /**
     * The person's pathway in their ACI and what the coordinator may record on it here: a date correction, and while
     * {@code exitCancellableUntil} has not passed, cancelling the exit. Without pathway-service the rest of the page
     * shows, and says so.
     */
    private void pathwayOf(StaffMember me, String participantId, JsonNode participant, Model model) {
        JsonNode pathway = null;
        boolean unavailable = false;
        try {
            pathway = persons.currentPathway(me, participantId, participant.path("aciId").asString(null)).orElse(null);
        } catch (ServiceProblem | org.springframework.web.client.ResourceAccessException e) {
            if (e instanceof ServiceProblem sp && (sp.status() == 401 || sp.status() == 403)) {
                throw sp;
            }
            unavailable = true;
        }
        model.addAttribute("pathway", pathway);
        model.addAttribute("pathwayUnavailable", unavailable);
        List<fr.convergence.workspace.commands.PathwayCommand> actions = new ArrayList<>();
        fr.convergence.workspace.person.PathwaySituation situation = null;
        if (pathway != null) {
            String status = pathway.path("status").asString("");
            situation = fr.convergence.workspace.person.PathwaySituation.of(pathway, labels, FrenchDates.today());
            for (var c : fr.convergence.workspace.commands.PathwayCommand.values()) {
                if (c.forRole(me) && c.offeredWhen(status)
                        && (c != fr.convergence.workspace.commands.PathwayCommand.EXIT_CANCELLATION || situation.exitCancellable())) {
                    actions.add(c);
                }
            }
        }
        model.addAttribute("situation", situation);
        model.addAttribute("pathwayActions", actions);
    }

    private JsonNode read(StaffMember me, String participantId) {
        return participants.read(me, participantId, ParticipantsApi.COORDINATION);
    }

    private String aciName(StaffMember me, String aciId) {
        if (aciId == null) {
            return "";
        }
        try {
            ReferenceData.Aci aci = reference.acisOf(me, me.territory()).get(aciId);
            return aci == null || aci.name().isBlank() ? labels.aci(aciId) : aci.name();
        } catch (ServiceProblem | org.springframework.web.client.ResourceAccessException e) {
            return labels.aci(aciId);
        }
    }

    private static String name(JsonNode p) {
        return p.path("erased").asBoolean(false) ? "Données effacées"
                : p.path("firstName").asString("") + " " + p.path("lastName").asString("");
    }

    private static String done(String participantId, String what) {
        return "redirect:/espace/personnes/" + participantId + "?enregistre=" + what;
    }

    private static List<FormPage.Crumb> crumbs(String participantId, String name) {
        return List.of(new FormPage.Crumb("Mon territoire", "/espace/territoire"),
                new FormPage.Crumb(name, "/espace/personnes/" + participantId));
    }

    private static FormPage joinPage(String participantId, String name, FormState form) {
        String person = "/espace/personnes/" + participantId;
        return new FormPage("Ajouter un membre au groupe de suivi", name,
                "Le groupe réunit le ou la CIP référent·e, les travailleur·ses sociaux·ales et le ou la chargé·e de partenariat.",
                person + "/groupe/nouveau", "Ajouter au groupe", person, crumbs(participantId, name), null, form);
    }

    private static FormPage leavePage(String participantId, String memberId, String name, FormState form) {
        String person = "/espace/personnes/" + participantId;
        return new FormPage("Départ d'un membre du groupe de suivi", name, null,
                person + "/groupe/" + memberId + "/depart", "Enregistrer le départ", person, crumbs(participantId, name),
                null, form);
    }

    private static FormPage movePage(String participantId, String name, FormState form) {
        String person = "/espace/personnes/" + participantId;
        return new FormPage("Changer d'ACI", name,
                "La personne rejoint une autre ACI du territoire : son parcours, ses besoins et les indicateurs la suivent.",
                person + "/changement-aci", "Changer d'ACI", person, crumbs(participantId, name), null, form);
    }
}
