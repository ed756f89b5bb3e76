package fr.convergence.pathway.domain;

/** Who took part in an act of accompaniment: roles, never names. */
public enum SupportRole {
    PARTICIPANT, CIP, ENCADRANT, SOCIAL_WORKER, HEALTH_PROFESSIONAL, HOUSING_WORKER, JUSTICE_WORKER,
    EMPLOYMENT_ADVISER, PARTNER_OFFICER, COORDINATOR
}
