package fr.convergence.participant.domain;

/** The current state does not allow the change (answered 409), e.g. moving an erased participant. */
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
