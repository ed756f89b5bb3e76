package fr.convergence.participant.domain;

/**
 * A well-formed request that breaks a rule of the domain (answered 422). {@code rule} is a stable code callers
 * can branch on; {@code field} names the input to fix.
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
