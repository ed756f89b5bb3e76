package fr.convergence.pathway.domain;

/** A command does not fit the pathway's current state, e.g. anything but follow-up after the exit (409). */
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
