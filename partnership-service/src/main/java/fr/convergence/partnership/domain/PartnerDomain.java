package fr.convergence.partnership.domain;

/** The fields a partner organisation works in. Pathway barrier domains map onto these (see {@link DomainMapping}). */
public enum PartnerDomain {
    EMPLOYMENT, HOUSING, HEALTH, RIGHTS, TRAINING, MOBILITY, DEBT, JUSTICE, ADDICTION, CHILDCARE, DIGITAL, LANGUAGE
}
