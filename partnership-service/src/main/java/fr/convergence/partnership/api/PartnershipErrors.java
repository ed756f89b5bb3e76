package fr.convergence.partnership.api;

import fr.convergence.kit.web.ApiException;
import fr.convergence.kit.web.ProblemHandler;
import fr.convergence.partnership.domain.NotFound;
import fr.convergence.partnership.domain.RuleViolation;
import fr.convergence.partnership.domain.StateConflict;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain refusals as problem+json: 422 rule broken (with the field), 409 state conflict, 404 unknown. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnershipErrors {

    @ExceptionHandler({RuleViolation.class, StateConflict.class, NotFound.class})
    ResponseEntity<ProblemDetail> translate(RuntimeException e, HttpServletRequest request) {
        return ProblemHandler.render(translated(e), request);
    }

    static ApiException translated(RuntimeException e) {
        if (e instanceof RuleViolation v) {
            return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, v.rule(), v.field(), v.getMessage());
        }
        if (e instanceof StateConflict c) {
            return new ApiException(HttpStatus.CONFLICT, c.rule(), null, c.getMessage());
        }
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", null, e.getMessage());
    }
}
