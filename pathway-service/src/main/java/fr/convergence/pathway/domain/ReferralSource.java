package fr.convergence.pathway.domain;

/** Who sent the person to the ACI ("orienteur"). */
public enum ReferralSource {
    STREET_OUTREACH,      // maraude, équipe mobile
    SIAO,
    DAY_CENTRE,           // accueil de jour
    SHELTER,              // the shelter's social worker
    PRISON_RELEASE,       // SPIP, sortie de détention
    OTHER_IAE,            // another insertion structure
    SOCIAL_SERVICES,      // CCAS, département
    HEALTH_SERVICE,       // PASS, CMP, CSAPA
    EMPLOYMENT_SERVICE,   // France Travail, mission locale
    SELF,
    OTHER
}
