package fr.convergence.pathway.domain;

/** How long one act of accompaniment took, in bands (not minutes: what a CIP can say afterwards). */
public enum SessionLength {
    UNDER_30_MINUTES, MINUTES_30_TO_60, HOURS_1_TO_2, HALF_DAY, FULL_DAY
}
