package fr.convergence.workspace.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/** The two ends of a posted form, alike for every form. */
public final class FormResponses {

    private FormResponses() {
    }

    /** The form again, with what was typed and the errors; 422 so that htmx (configured in the layout) swaps it in. */
    public static String refused(FormPage page, Model model, HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("page", page);
        return "pages/form";
    }

    public static String show(FormPage page, Model model) {
        model.addAttribute("page", page);
        return "pages/form";
    }

    /** Post/redirect/get back to the person's page, which shows {@code done} in an fr-alert. */
    public static String done(String participantId, String what) {
        return "redirect:/espace/salaries/" + participantId + "?enregistre=" + what;
    }
}
