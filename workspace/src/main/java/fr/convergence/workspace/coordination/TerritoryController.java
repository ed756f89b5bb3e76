package fr.convergence.workspace.coordination;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.ParticipantsApi;
import fr.convergence.workspace.services.PartnershipsApi;
import fr.convergence.workspace.services.ServiceProblem;
import fr.convergence.workspace.web.Field;
import fr.convergence.workspace.web.FormPosts;
import fr.convergence.workspace.web.FormState;
import fr.convergence.workspace.web.Labels;
import fr.convergence.workspace.web.ProblemMessages;
import fr.convergence.workspace.web.Roles;
import fr.convergence.workspace.web.Saved;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mon territoire, the coordinator's home: what waits (open needs, the oldest counted apart), a person found by name
 * (a POST: names never travel in an address), the partner network and the territory's figures.
 */
@Controller
class TerritoryController {

    static final List<Field> BY_NAME = List.of(Field.text("lastName", "Nom", "Nom exact, sans tenir compte des accents ni des majuscules", true),
            Field.text("firstName", "Prénom", null, false));

    record Hit(String participantId, String name, String aci, String status) {
    }

    private final ParticipantsApi participants;
    private final PartnershipsApi partnerships;
    private final FormPosts forms;
    private final ProblemMessages messages;
    private final Labels labels;

    TerritoryController(ParticipantsApi participants, PartnershipsApi partnerships, FormPosts forms,
                        ProblemMessages messages, Labels labels) {
        this.participants = participants;
        this.partnerships = partnerships;
        this.forms = forms;
        this.messages = messages;
        this.labels = labels;
    }

    @GetMapping("/espace/territoire")
    String home(StaffMember me, @RequestParam(name = "enregistre", required = false) String saved, Model model) {
        Roles.require(me, StaffRole.COORDINATOR);
        model.addAttribute("saved", Saved.message(saved));
        return page(me, forms.fresh(me, BY_NAME, Map.of()), null, model);
    }

    @PostMapping("/espace/territoire")
    String search(StaffMember me, @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        Roles.require(me, StaffRole.COORDINATOR);
        FormState form = forms.posted(me, BY_NAME, params);
        Map<String, Object> body = form.toBody();
        if (form.hasErrors()) {
            response.setStatus(422);
            return page(me, form, null, model);
        }
        try {
            List<Hit> hits = new ArrayList<>();
            for (JsonNode h : participants.byName(me, me.territory(), (String) body.get("lastName"),
                    (String) body.get("firstName"), ParticipantsApi.COORDINATION)) {
                hits.add(new Hit(h.path("participantId").asString(), h.path("erased").asBoolean(false) ? "Données effacées"
                        : h.path("firstName").asString("") + " " + h.path("lastName").asString(""),
                        labels.aci(h.path("aciId").asString(null)), labels.personStatus(h.path("status").asString(null))));
            }
            return page(me, forms.fresh(me, BY_NAME, params), hits, model);
        } catch (ServiceProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            form.refusedBy(refused, messages);
            response.setStatus(422);
            return page(me, form, null, model);
        }
    }

    private String page(StaffMember me, FormState form, List<Hit> hits, Model model) {
        int open = 0;
        int overMonth = 0;
        for (Map.Entry<String, JsonNode> d : partnerships.needsSummary(me).properties()) {
            for (Map.Entry<String, JsonNode> band : d.getValue().properties()) {
                open += band.getValue().asInt();
                if (!"0-7".equals(band.getKey()) && !"8-30".equals(band.getKey())) {
                    overMonth += band.getValue().asInt();
                }
            }
        }
        model.addAttribute("openNeeds", open);
        model.addAttribute("oldNeeds", overMonth);
        model.addAttribute("form", form);
        model.addAttribute("hits", hits);
        return "pages/territory";
    }
}
