package fr.convergence.pathway.domain;

/** How long a situation lasted (without housing, without work), in the bands an evaluator asks for. */
public enum DurationBand {
    NOT_APPLICABLE, UNDER_6_MONTHS, MONTHS_6_TO_12, YEARS_1_TO_2, YEARS_2_TO_5, OVER_5_YEARS, UNKNOWN
}
