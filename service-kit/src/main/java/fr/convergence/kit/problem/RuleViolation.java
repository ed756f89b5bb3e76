package fr.convergence.kit.problem;

/**
 * A well-formed request that breaks a rule of the domain: answered 422 problem+json by service-kit's
 * {@code ProblemHandler}. {@code rule} is a stable code callers can branch on; {@code field} names the input to fix.
 * Plain Java (no framework import), so that each service's domain can throw it and stay framework-free.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;
    private final String field;

    public RuleViolation(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
