package fr.convergence.participant;

import fr.convergence.kit.web.ApiException;
import fr.convergence.kit.web.ProblemHandler;
import fr.convergence.participant.domain.RuleViolation;
import fr.convergence.participant.domain.StateConflict;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The domain's refusals as problem+json: 422 for a broken rule (with its field), 409 for a state conflict. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainErrors {

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> rule(RuleViolation e, HttpServletRequest request) {
        return ProblemHandler.render(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, e.rule(), e.field(),
                e.getMessage()), request);
    }

    @ExceptionHandler(StateConflict.class)
    ResponseEntity<ProblemDetail> conflict(StateConflict e, HttpServletRequest request) {
        return ProblemHandler.render(ApiException.conflict(e.rule(), e.getMessage()), request);
    }
}
