package fr.convergence.partnership.api;

import fr.convergence.kit.web.ApiException;
import fr.convergence.kit.web.ProblemHandler;
import fr.convergence.partnership.domain.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The partnership domain's "not found" as problem+json 404; its broken rules (422) and state conflicts (409) are
 * service-kit's RuleViolation and StateConflict, rendered by the kit's ProblemHandler like every service's.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnershipErrors {

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> translate(RuntimeException e, HttpServletRequest request) {
        return ProblemHandler.render(translated(e), request);
    }

    static ApiException translated(RuntimeException e) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", null, e.getMessage());
    }
}
