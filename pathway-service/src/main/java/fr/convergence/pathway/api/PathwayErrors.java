package fr.convergence.pathway.api;

import fr.convergence.kit.web.ApiException;
import fr.convergence.kit.web.ProblemHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import fr.convergence.kit.problem.RuleViolation;
import fr.convergence.kit.problem.StateConflict;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Translates the domain's and Axon's refusals into API errors; the shared handler renders them as problem+json.
 * 422 = a programme rule broken, 409 = the state does not allow it (including a lost version race after retries).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PathwayErrors {

    @ExceptionHandler({RuleViolation.class, StateConflict.class, AggregateNotFoundException.class,
            ConcurrencyException.class, CommandExecutionException.class})
    ResponseEntity<ProblemDetail> translate(RuntimeException e, HttpServletRequest request) {
        return ProblemHandler.render(translated(e), request);
    }

    static ApiException translated(Throwable e) {
        if (e instanceof CommandExecutionException wrapped && wrapped.getCause() != null) {
            return translated(wrapped.getCause());
        }
        if (e instanceof RuleViolation v) {
            return ProblemHandler.ruleViolation(v);
        }
        if (e instanceof StateConflict c) {
            return ProblemHandler.stateConflict(c);
        }
        if (e instanceof AggregateStreamCreationException) {
            return ApiException.conflict("pathway-exists", "this pathway already exists");
        }
        if (e instanceof ConcurrencyException) {
            return ApiException.conflict("concurrent-update",
                    "the pathway changed concurrently several times; reload and try again");
        }
        if (e instanceof AggregateNotFoundException) {
            return ApiException.notFound("pathway", String.valueOf(((AggregateNotFoundException) e).getAggregateIdentifier()));
        }
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal", null, "unexpected failure");
    }
}
