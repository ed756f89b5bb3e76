package fr.convergence.workspace.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of the token's {@code role} claim, with what the workspace shows for each: a French label and the home
 * page the role lands on. The services decide what a role may do; this only chooses pages.
 */
public enum StaffRole {
    CIP("cip", "Conseiller·ère en insertion professionnelle", "/espace/salaries"),
    ENCADRANT("encadrant", "Encadrant·e technique", "/espace/heures"),
    PARTNERSHIP_OFFICER("partnership-officer", "Chargé·e de partenariat", "/espace/besoins"),
    COORDINATOR("coordinator", "Coordinateur·rice territorial·e", "/espace/territoire"),
    NATIONAL_ANALYST("national-analyst", "Équipe nationale", "/espace/accueil"),
    AUDITOR("auditor", "Auditeur·rice", "/espace/audit"),
    EVALUATOR("evaluator", "Évaluation externe", "/espace/evaluation"),
    ADMIN("admin", "Administrateur·rice", "/espace/administration");

    private final String claim;
    private final String label;
    private final String home;

    StaffRole(String claim, String label, String home) {
        this.claim = claim;
        this.label = label;
        this.home = home;
    }

    public String label() {
        return label;
    }

    public String home() {
        return home;
    }

    public static Optional<StaffRole> fromClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
    }
}
