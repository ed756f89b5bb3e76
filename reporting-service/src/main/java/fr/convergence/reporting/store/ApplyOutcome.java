package fr.convergence.reporting.store;

/** What happened to one event. */
public enum ApplyOutcome {
    APPLIED, DUPLICATE, PARKED, IGNORED
}
