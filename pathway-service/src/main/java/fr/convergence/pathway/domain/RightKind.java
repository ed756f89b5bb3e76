package fr.convergence.pathway.domain;

/** Rights opened during the pathway ("ouverture de droits"). */
public enum RightKind {
    RSA, AAH, CSS, AME, HEALTH_INSURANCE, HOUSING_BENEFIT, ACTIVITY_BONUS, IDENTITY_DOCUMENT, RESIDENCE_PERMIT,
    BANK_ACCOUNT, OTHER
}
