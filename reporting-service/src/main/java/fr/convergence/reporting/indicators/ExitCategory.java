package fr.convergence.reporting.indicators;

import java.util.Set;

/** National exit typology; which categories count as "dynamic" and which are left out of the rate. */
public enum ExitCategory {
    DURABLE_EMPLOYMENT("Emploi durable"),
    TRANSITION_EMPLOYMENT("Emploi de transition"),
    POSITIVE_EXIT("Sortie positive"),
    OTHER_EXIT("Autre sortie"),
    WITHDRAWN("Retrait");

    static final Set<ExitCategory> DYNAMIC = Set.of(DURABLE_EMPLOYMENT, TRANSITION_EMPLOYMENT, POSITIVE_EXIT);
    /** Exits to employment ({@link Indicator#EXITS_TO_EMPLOYMENT}). */
    static final Set<ExitCategory> EMPLOYMENT = Set.of(DURABLE_EMPLOYMENT, TRANSITION_EMPLOYMENT);

    private final String label;

    ExitCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
