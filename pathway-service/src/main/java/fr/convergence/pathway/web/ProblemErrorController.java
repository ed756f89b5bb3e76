package fr.convergence.pathway.web;

import fr.convergence.kit.web.ProblemHandler;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Renders what reaches the servlet error page — a request the security firewall rejects (an encoded semicolon or
 * percent in the path), or any {@code sendError} outside Spring MVC — as problem+json like every other refusal,
 * instead of Spring Boot's own error document. Replaces Boot's BasicErrorController.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String rule = switch (status) {
            case BAD_REQUEST -> "malformed";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method";
            case CONTENT_TOO_LARGE -> "size";
            case UNAUTHORIZED -> "authentication-required";
            case FORBIDDEN -> "role-not-allowed";
            default -> status.is5xxServerError() ? "internal" : "refused";
        };
        String detail = status == HttpStatus.BAD_REQUEST
                ? "the request was refused before reaching the API: its address contains characters that are not allowed"
                : "the request was refused before reaching the API";
        ProblemDetail body = ProblemHandler.body(status, rule, detail, List.of(), request);
        body.setInstance(null); // the error page's own path, not the caller's: the refused address is not echoed
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
