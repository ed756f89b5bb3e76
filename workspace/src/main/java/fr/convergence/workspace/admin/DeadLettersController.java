package fr.convergence.workspace.admin;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.DeadLetterSources;
import fr.convergence.workspace.services.ServiceProblem;
import fr.convergence.workspace.web.FormPosts;
import fr.convergence.workspace.web.FormState;
import fr.convergence.workspace.web.ProblemMessages;
import fr.convergence.workspace.web.Roles;
import fr.convergence.workspace.web.Saved;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The events each consumer parked, with their cause, and replaying one. Written over {@link DeadLetterSources}: a
 * consumer added there appears here. The event's body and key are not shown (they are the service's, and the key is
 * a person's pseudonymous id): the admin decides from the stream, the position, the cause and the attempts.
 */
@Controller
class DeadLettersController {

    /** One letter with the form that replays it (its own key and token: a double click replays once). */
    record Row(DeadLetterSources.Letter letter, String stream, FormState replay, FormState discard) {
    }

    record Section(DeadLetterSources.Source source, List<Row> rows, String unavailable) {
    }

    private final DeadLetterSources sources;
    private final FormPosts forms;
    private final ProblemMessages messages;

    DeadLettersController(DeadLetterSources sources, FormPosts forms, ProblemMessages messages) {
        this.sources = sources;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/espace/administration/lettres-mortes")
    String list(StaffMember me, @RequestParam(name = "enregistre", required = false) String saved, Model model) {
        Roles.require(me, StaffRole.ADMIN);
        model.addAttribute("saved", Saved.message(saved));
        return page(me, model);
    }

    @PostMapping("/espace/administration/lettres-mortes/rejeu")
    String replay(StaffMember me, @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        Roles.require(me, StaffRole.ADMIN);
        forms.requireToken(me, params);
        DeadLetterSources.Source source = sources.source(params.getOrDefault("source", ""))
                .orElseThrow(() -> new ServiceProblem(404, "not-found", null, "no such source", List.of()));
        try {
            sources.retry(me, source, params.getOrDefault("id", ""), params.get(FormPosts.KEY));
            return "redirect:/espace/administration/lettres-mortes?enregistre=rejeu";
        } catch (ServiceProblem refused) {
            if (refused.status() != 409 && refused.status() != 422) {
                throw refused;
            }
            model.addAttribute("refusal", messages.of(refused.rule()));
            response.setStatus(422);
            return page(me, model);
        }
    }

    /** Discarding needs a reason, kept with the letter: a poison event that can never apply stops waiting. */
    @PostMapping("/espace/administration/lettres-mortes/ecart")
    String discard(StaffMember me, @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        Roles.require(me, StaffRole.ADMIN);
        forms.requireToken(me, params);
        DeadLetterSources.Source source = sources.source(params.getOrDefault("source", ""))
                .orElseThrow(() -> new ServiceProblem(404, "not-found", null, "no such source", List.of()));
        String note = params.getOrDefault("note", "").strip();
        model.addAttribute("refusalTitle", "L'écart n'a pas abouti");
        if (note.isEmpty() || note.length() > 500) {
            model.addAttribute("refusal", note.isEmpty() ? "Dites pourquoi vous écartez cet événement : la raison est gardée avec lui."
                    : "La raison tient en 500 caractères au plus.");
            response.setStatus(422);
            return page(me, model);
        }
        try {
            sources.discard(me, source, params.getOrDefault("id", ""), note, params.get(FormPosts.KEY));
            return "redirect:/espace/administration/lettres-mortes?enregistre=ecart";
        } catch (ServiceProblem refused) {
            if (refused.status() != 400 && refused.status() != 409 && refused.status() != 422) {
                throw refused;
            }
            model.addAttribute("refusal", messages.of(refused.rule()));
            response.setStatus(422);
            return page(me, model);
        }
    }

    private String page(StaffMember me, Model model) {
        List<Section> sections = new ArrayList<>();
        int waiting = 0;
        for (DeadLetterSources.Listing l : sources.listAll(me)) {
            List<Row> rows = new ArrayList<>();
            for (DeadLetterSources.Letter letter : l.letters()) {
                rows.add(new Row(letter, stream(letter.topic()), forms.fresh(me, List.of(), Map.of()),
                        forms.fresh(me, List.of(), Map.of())));
                waiting += "PARKED".equals(letter.status()) ? 1 : 0;
            }
            sections.add(new Section(l.source(), rows, l.unavailable()));
        }
        model.addAttribute("sections", sections);
        model.addAttribute("waiting", waiting);
        return "pages/dead-letters";
    }

    /** "convergence.paris.pathway.v1" → "Parcours — Paris": the stream a parked event came from. */
    static String stream(String topic) {
        String[] parts = topic.split("\\.");
        if (parts.length == 4 && parts[0].equals("convergence")) {
            String kind = switch (parts[2]) {
                case "pathway" -> "Parcours";
                case "participant" -> "Personnes et référentiel";
                case "partnership" -> "Partenariats";
                default -> "Flux " + parts[2];
            };
            return kind + " — " + fr.convergence.workspace.web.Labels.label(fr.convergence.workspace.web.Labels.TERRITORIES, parts[1]);
        }
        return topic;
    }
}
