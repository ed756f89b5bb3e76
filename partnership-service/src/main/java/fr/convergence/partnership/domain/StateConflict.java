package fr.convergence.partnership.domain;

/** The current state does not allow the operation, e.g. accepting a declined referral (answered 409). */
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
