package fr.convergence.workspace.web;

import fr.convergence.workspace.services.ServiceProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * French pages for what goes wrong. A service's 404 — unknown, or not the caller's to see, which the services answer
 * alike — is "not found"; the workspace never tells the two apart, as the services do not.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private final PageModel pageModel;

    ErrorPages(PageModel pageModel) {
        this.pageModel = pageModel;
    }

    @ExceptionHandler(ServiceProblem.class)
    String problem(ServiceProblem problem, HttpServletResponse response, Model model) {
        model.addAttribute("me", pageModel.me());
        if (problem.notFound()) {
            response.setStatus(404);
            return "pages/not-found";
        }
        if (problem.status() == 401 || problem.status() == 403) {
            response.setStatus(403);
            return "pages/forbidden";
        }
        LOG.warn("a service answered {} ({}): {}", problem.status(), problem.rule(), problem.getMessage());
        response.setStatus(502);
        return "pages/unavailable";
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    String denied(HttpServletResponse response, Model model) {
        model.addAttribute("me", pageModel.me());
        response.setStatus(403);
        return "pages/forbidden";
    }

    @ExceptionHandler(FormPosts.ForgedForm.class)
    String forged(HttpServletResponse response, Model model) {
        model.addAttribute("me", pageModel.me());
        response.setStatus(403);
        return "pages/expired-form";
    }

    @ExceptionHandler(org.springframework.web.client.ResourceAccessException.class)
    String down(Exception e, HttpServletResponse response, Model model) {
        LOG.warn("a service could not be reached: {}", e.getMessage());
        model.addAttribute("me", pageModel.me());
        response.setStatus(503);
        return "pages/unavailable";
    }
}
