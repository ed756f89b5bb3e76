package fr.convergence.pathway.domain;

/**
 * The barriers ("freins") the programme tracks: the peripheral ones, and the job project itself when it needs an
 * employment partner (without it, no need ever reached the employment partners' queue).
 */
public enum BarrierDomain {
    HOUSING, HEALTH, MOBILITY, LANGUAGE_LITERACY, RIGHTS_ADMINISTRATIVE, JUSTICE, DEBT_FINANCE,
    FAMILY_CHILDCARE, DIGITAL, ADDICTION,
    /** No job project yet, or a job search that needs an employment partner (Mission Locale, France Travail…). */
    EMPLOYMENT_PROJECT
}
