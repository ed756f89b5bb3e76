package fr.convergence.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every error leaves as RFC 9457 problem+json with the field and the rule broken. Unexpected failures are
 * logged with the correlation id and answered without internals.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPE_BASE = "https://convergence-france.org/problems/";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return render(e, request);
    }

    /** A domain's broken rule: 422 naming the rule and the field to fix. */
    @ExceptionHandler(fr.convergence.kit.problem.RuleViolation.class)
    ResponseEntity<ProblemDetail> rule(fr.convergence.kit.problem.RuleViolation e, HttpServletRequest request) {
        return render(ruleViolation(e), request);
    }

    /** A domain's state that does not allow the change: 409 naming the rule. */
    @ExceptionHandler(fr.convergence.kit.problem.StateConflict.class)
    ResponseEntity<ProblemDetail> conflict(fr.convergence.kit.problem.StateConflict e, HttpServletRequest request) {
        return render(stateConflict(e), request);
    }

    public static ApiException ruleViolation(fr.convergence.kit.problem.RuleViolation e) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, e.rule(), e.field(), e.getMessage());
    }

    public static ApiException stateConflict(fr.convergence.kit.problem.StateConflict e) {
        return new ApiException(HttpStatus.CONFLICT, e.rule(), null, e.getMessage());
    }

    /** Renders an {@link ApiException}; services' own advices translate their domain errors and call this. */
    public static ResponseEntity<ProblemDetail> render(ApiException e, HttpServletRequest request) {
        return problem(e.status(), e.rule(), e.getMessage(), e.field() == null ? List.of()
                : List.of(Map.of("field", e.field(), "rule", e.rule(), "message", e.getMessage())), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::describe).toList();
        return problem(HttpStatus.BAD_REQUEST, "validation", "the request has invalid fields", errors, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", r.getMethodParameter().getParameterName() == null ? "?"
                                : r.getMethodParameter().getParameterName(),
                        "rule", "validation",
                        "message", String.valueOf(err.getDefaultMessage()))))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "validation", "the request has invalid parameters", errors, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "rule", "validation",
                        "message", v.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "validation", "the request has invalid fields", errors, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String field = fieldOf(e);
        String detail = "the body is not valid JSON for this operation (wrong type, unknown field or value, or syntax)";
        return problem(HttpStatus.BAD_REQUEST, "malformed", detail, field == null ? List.of()
                : List.of(Map.of("field", field, "rule", "malformed", "message", "wrong type, unknown or unreadable value")),
                request);
    }

    /** The JSON path Jackson was reading when it failed, e.g. "weeklyHours", so the caller knows what to fix. */
    private static String fieldOf(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof tools.jackson.core.JacksonException)) {
            cause = cause.getCause();
        }
        if (cause instanceof tools.jackson.core.JacksonException jackson && !jackson.getPath().isEmpty()) {
            return jackson.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                    .reduce((a, b) -> a + "." + b).orElse(null);
        }
        return null;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return problem(HttpStatus.BAD_REQUEST, "malformed", "parameter '" + field + "' is missing or malformed",
                List.of(Map.of("field", field, "rule", "malformed", "message", "missing or malformed")), request);
    }

    /** A path variable that converts to nothing (a blank segment, e.g. {@code /barriers/%20/lift}). */
    @ExceptionHandler(org.springframework.web.bind.MissingPathVariableException.class)
    ResponseEntity<ProblemDetail> blankPathVariable(org.springframework.web.bind.MissingPathVariableException e,
                                                    HttpServletRequest request) {
        String field = e.getVariableName();
        return problem(HttpStatus.BAD_REQUEST, "malformed", "path segment '" + field + "' is blank or malformed",
                List.of(Map.of("field", field, "rule", "malformed", "message", "blank or malformed")), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type", "send application/json", List.of(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method", e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "no such resource", List.of(), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "size", "the request is too large", List.of(), request);
    }

    /** Thrown by {@code @PreAuthorize} inside the controller, after the security filters let the request in. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "role-not-allowed", "your role may not do this", List.of(), request);
    }

    @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.UNAUTHORIZED, "authentication-required",
                "a valid bearer token of the programme's identity provider is required", List.of(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (storeUnreachable(e)) {
            log.warn("store unreachable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                    "the database is unreachable; nothing was recorded, retry later", List.of(), request);
        }
        log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "unexpected failure; quote correlation id " + Correlation.current(), List.of(), request);
    }

    /** A store outage is the caller's cue to retry (503), not a bug (500); the write did not happen. */
    private static boolean storeUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.mongodb.MongoSocketException || t instanceof com.mongodb.MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> describe(FieldError error) {
        return Map.of("field", error.getField(), "rule", String.valueOf(error.getCode()),
                "message", String.valueOf(error.getDefaultMessage()));
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String rule, String detail,
                                                 List<Map<String, String>> errors, HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(status, rule, detail, errors, request));
    }

    /** The problem document itself, for writers outside MVC (the security filters). */
    public static ProblemDetail body(HttpStatus status, String rule, String detail,
                                     List<Map<String, String>> errors, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + rule));
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("rule", rule);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
            body.setProperty("field", errors.get(0).get("field"));
        }
        body.setProperty("correlationId", Correlation.current());
        return body;
    }
}
