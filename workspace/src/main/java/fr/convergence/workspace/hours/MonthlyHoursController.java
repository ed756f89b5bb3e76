package fr.convergence.workspace.hours;

import fr.convergence.workspace.security.FormTokens;
import fr.convergence.workspace.security.StaffMember;
import fr.convergence.workspace.security.StaffRole;
import fr.convergence.workspace.web.FormPosts;
import fr.convergence.workspace.web.FrenchDates;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;
import java.util.Set;

/**
 * "Heures du mois": the encadrant·e's home (CIPs may use it too). One grid for the ACI, saved in one action; when
 * some cells are refused the grid comes back with each refused cell marked and its typed value kept, the recorded
 * ones marked as such, and a summary counting both.
 */
@Controller
class MonthlyHoursController {

    private final MonthlyHours hours;
    private final FormPosts forms;
    private final FormTokens tokens;

    MonthlyHoursController(MonthlyHours hours, FormPosts forms, FormTokens tokens) {
        this.hours = hours;
        this.forms = forms;
        this.tokens = tokens;
    }

    @GetMapping("/espace/heures")
    String grid(StaffMember me, @RequestParam(name = "enregistre", required = false) String recorded, Model model) {
        require(me);
        String key = tokens.newFormKey();
        return show(model, hours.grid(me, FrenchDates.today(), Map.of(), Map.of(), Set.of()), key,
                tokens.csrfFor(me.userId(), key), savedMessage(recorded));
    }

    @PostMapping("/espace/heures")
    String save(StaffMember me, @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        require(me);
        String key = params.get(FormPosts.KEY);
        if (!tokens.valid(me.userId(), key, params.get(FormPosts.CSRF))) {
            throw new FormPosts.ForgedForm();
        }
        HoursGrid before = hours.grid(me, FrenchDates.today(), Map.of(), Map.of(), Set.of());
        MonthlyHours.Outcome outcome = hours.save(me, before, params, key);
        if (outcome.errors().isEmpty()) {
            return "redirect:/espace/heures?enregistre=" + outcome.saved().size();
        }
        // refused cells keep what was typed; recorded ones show what is now stored
        Map<String, String> typed = new java.util.HashMap<>();
        outcome.errors().keySet().forEach(p -> typed.put(p, params.get(p)));
        HoursGrid after = hours.grid(me, FrenchDates.today(), typed, outcome.errors(), outcome.saved());
        response.setStatus(422);
        return show(model, after, key, params.get(FormPosts.CSRF), null);
    }

    private static String show(Model model, HoursGrid grid, String key, String csrf, String recorded) {
        model.addAttribute("grid", grid);
        model.addAttribute("formKey", key);
        model.addAttribute("csrf", csrf);
        model.addAttribute("recorded", recorded);
        return "pages/hours";
    }

    /** The count comes back in the URL; only a number is accepted and the sentence is ours. */
    static String savedMessage(String recorded) {
        if (recorded == null || !recorded.matches("\\d{1,4}")) {
            return null;
        }
        int n = Integer.parseInt(recorded);
        return n == 0 ? "Aucune heure nouvelle à enregistrer." : n == 1 ? "1 cellule enregistrée."
                : n + " cellules enregistrées.";
    }

    private static void require(StaffMember me) {
        if (!(me.is(StaffRole.ENCADRANT) || me.is(StaffRole.CIP)) || me.aciId() == null) {
            throw new AccessDeniedException("ACI staff only");
        }
    }
}
