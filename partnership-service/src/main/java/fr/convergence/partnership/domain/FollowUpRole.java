package fr.convergence.partnership.domain;

/** Roles in a participant's concerted follow-up group. */
public enum FollowUpRole {
    /** the ACI referent (chargé d'insertion socio-professionnelle) */
    CIP,
    /** an outside social worker (SIAO, CCAS, hospital, probation...) */
    SOCIAL_WORKER,
    /** the territory's chargé de partenariat */
    PARTNERSHIP_OFFICER
}
