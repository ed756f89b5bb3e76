package fr.convergence.pathway.domain;

/** The non-employment barriers ("freins périphériques") the programme tracks. */
public enum BarrierDomain {
    HOUSING, HEALTH, MOBILITY, LANGUAGE_LITERACY, RIGHTS_ADMINISTRATIVE, JUSTICE, DEBT_FINANCE,
    FAMILY_CHILDCARE, DIGITAL, ADDICTION
}
