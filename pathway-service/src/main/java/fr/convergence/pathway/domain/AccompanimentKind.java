package fr.convergence.pathway.domain;

/** What one act of accompaniment was: an interview, a visit the person was accompanied to, a case conference. */
public enum AccompanimentKind {
    INTERVIEW,
    VISIT_MEDICAL,
    VISIT_ADMINISTRATIVE,
    VISIT_HOUSING,
    VISIT_JUSTICE,
    CASE_CONFERENCE;

    public boolean accompaniedVisit() {
        return name().startsWith("VISIT_");
    }
}
