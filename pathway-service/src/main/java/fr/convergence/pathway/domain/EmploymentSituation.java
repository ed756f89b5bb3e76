package fr.convergence.pathway.domain;

/** The work situation found at a follow-up contact after the exit. */
public enum EmploymentSituation {
    CDI(true), CDD_6_MONTHS_OR_MORE(true), CDD_UNDER_6_MONTHS(true), TEMPORARY_WORK(true), SELF_EMPLOYED(true),
    OTHER_IAE(true), TRAINING(false), JOB_SEEKING(false), INACTIVE(false), NOT_REACHED(false);

    private final boolean employed;

    EmploymentSituation(boolean employed) {
        this.employed = employed;
    }

    /** In a job (any contract, the IAE included), for "still in a job n months after exit". */
    public boolean employed() {
        return employed;
    }
}
