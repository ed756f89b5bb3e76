package fr.convergence.workspace.web;

import fr.convergence.workspace.services.ServiceProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.Map;
import java.util.function.Function;

/**
 * The end of every posted form of the other roles' pages: typed values converted, the service called once with the
 * form's own key, and a refusal (400/409/422) put back next to its field with what was typed. A 401/403/404 or a
 * 5xx is not the form's business and goes to the French error pages.
 */
@Component
public class FormFlow {

    private final ProblemMessages messages;

    FormFlow(ProblemMessages messages) {
        this.messages = messages;
    }

    /**
     * @param page the form page to show again on refusal
     * @param call the service call with the converted body; returns the view to go to (a redirect)
     */
    public String submit(FormState form, FormPage page, Function<Map<String, Object>, String> call, Model model,
                         HttpServletResponse response) {
        Map<String, Object> body = form.toBody();
        if (form.hasErrors()) {
            return FormResponses.refused(page, model, response);
        }
        try {
            return call.apply(body);
        } catch (ServiceProblem refused) {
            if (!isRefusal(refused)) {
                throw refused;
            }
            form.refusedBy(refused, messages);
            return FormResponses.refused(page, model, response);
        }
    }

    /** A rule or a state refused the request (the form can be corrected); anything else is an error page. */
    public static boolean isRefusal(ServiceProblem p) {
        return p.status() == 400 || p.status() == 409 || p.status() == 422;
    }
}
