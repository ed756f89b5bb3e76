package fr.convergence.workspace.admin;

import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.services.ReportingApi;
import fr.convergence.workspace.services.ServiceProblem;
import fr.convergence.workspace.web.FormPosts;
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

import java.util.List;
import java.util.Map;

/**
 * Rebuilding the national indicators' projections: starting one, and its progress, which the page polls every two
 * seconds with htmx while it runs (the fragment stops asking once it is over). reporting-service switches to the new
 * generation by itself when it has caught up with the streams (RebuildService): the page says so, there is no
 * switch to press.
 */
@Controller
class RebuildController {

    /** The progress as the page shows it, with its text equivalent. */
    record Progress(int generation, String state, String stateLabel, long done, long total, int percent, String rate,
                    String timeLeft, String startedAt, String finishedAt, String error, boolean running) {

        static Progress of(JsonNode p, Labels labels) {
            long done = p.path("done").asLong();
            long total = p.path("total").asLong();
            String state = p.path("state").asString("");
            boolean running = "RUNNING".equals(state) || "STARTING".equals(state);
            int percent = total <= 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
            JsonNode left = p.path("secondsLeft");
            return new Progress(p.path("generation").asInt(), state, labels.rebuildState(state), done, total, percent,
                    Labels.decimal(p.path("ratePerSecond").asDouble()),
                    left.isNull() || left.isMissingNode() ? "" : duration(left.asLong()),
                    labels.instant(p.path("startedAt").asString(null)), labels.instant(p.path("finishedAt").asString(null)),
                    p.path("error").asString(""), running);
        }

        static String duration(long seconds) {
            return seconds < 60 ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
        }
    }

    private final ReportingApi reporting;
    private final FormPosts forms;
    private final ProblemMessages messages;
    private final Labels labels;

    RebuildController(ReportingApi reporting, FormPosts forms, ProblemMessages messages, Labels labels) {
        this.reporting = reporting;
        this.forms = forms;
        this.messages = messages;
        this.labels = labels;
    }

    @GetMapping("/espace/administration/reconstructions")
    String page(StaffMember me, @RequestParam(name = "enregistre", required = false) String saved, Model model) {
        Roles.require(me, StaffRole.ADMIN);
        model.addAttribute("saved", Saved.message(saved));
        return render(me, model);
    }

    /** The fragment htmx polls: the same progress block, without the page around it. */
    @GetMapping("/espace/administration/reconstructions/progression")
    String progress(StaffMember me, Model model) {
        Roles.require(me, StaffRole.ADMIN);
        model.addAttribute("progress", current(me));
        return "pages/rebuilds :: progress";
    }

    @PostMapping("/espace/administration/reconstructions")
    String start(StaffMember me, @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        Roles.require(me, StaffRole.ADMIN);
        forms.requireToken(me, params);
        try {
            reporting.startRebuild(me, params.get(FormPosts.KEY));
            return "redirect:/espace/administration/reconstructions?enregistre=reconstruction";
        } catch (ServiceProblem refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            model.addAttribute("refusal", messages.of(refused.rule()));
            response.setStatus(422);
            return render(me, model);
        }
    }

    private String render(StaffMember me, Model model) {
        model.addAttribute("progress", current(me));
        model.addAttribute("form", forms.fresh(me, List.of(), Map.of()));
        return "pages/rebuilds";
    }

    /** The running or last rebuild; null when none ran since reporting-service started (its 404). */
    private Progress current(StaffMember me) {
        try {
            return Progress.of(reporting.currentRebuild(me), labels);
        } catch (ServiceProblem p) {
            if (p.notFound()) {
                return null;
            }
            throw p;
        }
    }
}
