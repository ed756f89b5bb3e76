package fr.convergence.pathway.domain;

/** National IAE exit typology. WITHDRAWN exits are excluded from the dynamic-exit rate. */
public enum ExitCategory {
    DURABLE_EMPLOYMENT, TRANSITION_EMPLOYMENT, POSITIVE_EXIT, OTHER_EXIT, WITHDRAWN;

    public boolean dynamic() {
        return this == DURABLE_EMPLOYMENT || this == TRANSITION_EMPLOYMENT || this == POSITIVE_EXIT;
    }
}
