package fr.convergence.pathway.domain;

/** Health insurance at entry, coded: the only health datum recorded, and never in free text (GDPR Art. 9). */
public enum HealthCover {
    NONE, BASIC_ONLY, BASIC_AND_COMPLEMENTARY, CSS, AME, UNKNOWN
}
