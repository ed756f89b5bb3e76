package fr.convergence.kit.problem;

/**
 * The current state does not allow the change (e.g. accepting a declined referral, any command but follow-up after
 * an exit, moving an erased participant): answered 409 problem+json by service-kit's {@code ProblemHandler}.
 * Plain Java, like {@link RuleViolation}.
 */
public class StateConflict extends RuntimeException {

    private final String rule;

    public StateConflict(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
