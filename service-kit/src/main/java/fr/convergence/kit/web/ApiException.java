package fr.convergence.kit.web;

import org.springframework.http.HttpStatus;

/**
 * An error the API reports as problem+json. {@code rule} names the programme rule or constraint broken and
 * {@code field} the offending input, so that a caller can fix the request without reading logs.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String rule;
    private final String field;

    public ApiException(HttpStatus status, String rule, String field, String detail) {
        super(detail);
        this.status = status;
        this.rule = rule;
        this.field = field;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", null, what + " " + id + " does not exist");
    }

    public static ApiException conflict(String rule, String detail) {
        return new ApiException(HttpStatus.CONFLICT, rule, null, detail);
    }

    public static ApiException badRequest(String field, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "malformed", field, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
