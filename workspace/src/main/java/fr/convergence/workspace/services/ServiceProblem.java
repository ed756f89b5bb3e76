package fr.convergence.workspace.services;

import java.util.List;

/**
 * A service refused a request: its problem+json answer, kept whole so that a page can show each refusal next to
 * the field it names.
 *
 * @param status HTTP status of the service's answer
 * @param rule   the broken rule ({@code rule} of the problem), e.g. {@code phc-weekly-hours-range}
 * @param field  the field the rule concerns, or null
 * @param errors every field error of the answer (validation errors name several)
 */
public class ServiceProblem extends RuntimeException {

    public record FieldError(String field, String rule, String message) {
    }

    private final int status;
    private final String rule;
    private final String field;
    private final List<FieldError> errors;

    public ServiceProblem(int status, String rule, String field, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.rule = rule;
        this.field = field;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean notFound() {
        return status == 404;
    }
}
