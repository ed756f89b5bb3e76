package fr.convergence.pathway.domain;

/** Why a pathway was extended. Codes, not free text: events carry no personal narrative. */
public enum ExtensionReason {
    PARTICULARLY_SIGNIFICANT_DIFFICULTIES, TRAINING_IN_PROGRESS, HOUSING_PENDING, HEALTH_CARE_IN_PROGRESS,
    EXIT_PROJECT_IN_PROGRESS, OTHER
}
